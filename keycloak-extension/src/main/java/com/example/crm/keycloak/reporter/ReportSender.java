package com.example.crm.keycloak.reporter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.example.crm.report.ReportJson;
import com.example.crm.report.ReportSignature;
import com.example.crm.report.ResetReport;

/**
 * Delivers reports to the CRM off Keycloak's request threads: a small scheduled pool, a cap on what it holds,
 * and retries with exponential backoff while the CRM is down or answers with a transient status. Every report
 * ends delivered, refused, given up or dropped, each logged (by id and type, never the body), or is counted as
 * lost when Keycloak stops.
 */
final class ReportSender implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReportSender.class.getName());
    /** How long {@link #close()} lets an interrupted attempt end, so that its count of lost reports is final. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    record Settings(URI callback, String secret, int maxAttempts, Duration firstRetry, Duration maxRetry, int capacity) {
    }

    /** Totals since Keycloak started, for the operator: logged with every report given up or dropped, and at shutdown. */
    record Counts(long queued, long delivered, long refused, long givenUp, long dropped, long failedAttempts) {
        @Override
        public String toString() {
            return "since start-up " + queued + " queued, " + delivered + " delivered, " + refused + " refused by the CRM, " + givenUp + " given up, "
                    + dropped + " dropped, " + failedAttempts + " unsuccessful attempts";
        }
    }

    private final Settings settings;
    private final Clock clock;
    // HTTP/1.1: by default the client asks a plain-http CRM to upgrade to HTTP/2 (h2c), and the CRM's callback then
    // waited 44-102 ms for the report's body (Flight Recorder on Payara).
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "crm-reset-reporter");
        thread.setDaemon(true);
        return thread;
    });
    /** Reports accepted and not yet delivered, refused or given up. */
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();

    ReportSender(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues the report and returns at once; never throws into Keycloak's request. */
    void submit(ResetReport report) {
        queued.incrementAndGet();
        if (pending.incrementAndGet() > settings.capacity()) {
            drop(report, settings.capacity() + " reports are already waiting for the CRM");
            return;
        }
        try {
            pool.execute(() -> attempt(report, 1));
        } catch (RejectedExecutionException stopped) {
            drop(report, "Keycloak is shutting down");
        }
    }

    int pending() {
        return pending.get();
    }

    Counts counts() {
        return new Counts(queued.get(), delivered.get(), refused.get(), givenUp.get(), dropped.get(), failedAttempts.get());
    }

    private void drop(ResetReport report, String why) {
        pending.decrementAndGet();
        dropped.incrementAndGet();
        LOG.warning(() -> "CRM report " + describe(report) + " dropped: " + why + "; " + counts());
    }

    private void attempt(ResetReport report, int attempt) {
        String failure;
        Exception unexpected = null;
        try {
            int status = post(report);
            if (status / 100 == 2) {
                finish(delivered);
                return;
            }
            if (!isTransient(status)) {
                finish(refused);
                LOG.severe(() -> "The CRM refused report " + describe(report) + " with HTTP " + status
                        + "; not retried. Check the reporter's callback-url and that its secret matches the CRM's.");
                return;
            }
            failure = "HTTP " + status;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return; // Keycloak is stopping: close() counts the report as lost
        } catch (IOException notReachable) {
            failure = notReachable.toString();
        } catch (RuntimeException fault) {
            failure = fault.toString();
            unexpected = fault;
        }
        failedAttempts.incrementAndGet();
        boolean last = attempt >= settings.maxAttempts();
        long delay = backoff(attempt, settings.firstRetry(), settings.maxRetry()).toMillis();
        String message = "CRM report " + describe(report) + ": attempt " + attempt + " of " + settings.maxAttempts() + " failed ("
                + failure + ")" + (last ? "" : "; next in " + delay + " ms");
        // A fault of our own is worth a stack trace; the CRM being away is expected now and then.
        LOG.log(unexpected != null ? Level.WARNING : Level.INFO, message, unexpected);
        if (last) {
            finish(givenUp);
            LOG.warning(() -> "CRM report " + describe(report) + " given up after " + attempt + " attempts; " + counts());
            return;
        }
        try {
            pool.schedule(() -> attempt(report, attempt + 1), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // Keycloak is stopping: close() counts the report as lost
        }
    }

    private void finish(AtomicLong outcome) {
        outcome.incrementAndGet();
        pending.decrementAndGet();
    }

    /** One POST, signed now, so that a late retry is still fresh; the CRM's HTTP status. */
    private int post(ResetReport report) throws IOException, InterruptedException {
        String body = ReportJson.write(report);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(settings.callback())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(ReportSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(ReportSignature.SIGNATURE_HEADER, ReportSignature.sign(settings.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String describe(ResetReport report) {
        return report.id() + " (" + report.type() + ")";
    }

    /**
     * Worth another attempt: the CRM is busy, failing, or still deploying (a starting server answers 404 before the
     * application is up). 400/401/403 mean a wrong secret or URL, which retrying does not mend.
     */
    static boolean isTransient(int status) {
        return status == 404 || status == 408 || status == 425 || status == 429 || status >= 500;
    }

    /** first, 2×first, 4×first, … but never more than max. */
    static Duration backoff(int attempt, Duration first, Duration max) {
        long millis = first.toMillis() << Math.min(attempt - 1, 30);
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    /** Stops the threads (an attempt in progress is interrupted) and logs what was still pending: it is lost. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int lost = pending.get();
        if (lost == 0) {
            LOG.info(() -> "No report to the CRM was pending as Keycloak stops; " + counts());
        } else {
            LOG.warning(() -> (lost == 1 ? "1 report to the CRM was still pending and is lost"
                    : lost + " reports to the CRM were still pending and are lost")
                    + " as Keycloak stops; " + counts());
        }
    }
}
