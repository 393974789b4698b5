package com.example.crm.keycloak.reporter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.example.crm.report.ReportJson;
import com.example.crm.report.ReportSignature;
import com.example.crm.report.ResetReport;

/**
 * Delivers reports to the CRM off Keycloak's request threads: a small scheduled pool, a cap on what it holds,
 * and retries with exponential backoff while the CRM is down or answers with a transient status.
 */
final class ReportSender implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReportSender.class.getName());

    record Settings(URI callback, String secret, int maxAttempts, Duration firstRetry, Duration maxRetry, int capacity) {
    }

    private final Settings settings;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "crm-reset-reporter");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger pending = new AtomicInteger();

    ReportSender(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues the report and returns at once; never throws into Keycloak's request. */
    void submit(ResetReport report) {
        if (pending.incrementAndGet() > settings.capacity()) {
            pending.decrementAndGet();
            LOG.warning(() -> "CRM report " + report.id() + " (" + report.type() + ") dropped: " + settings.capacity()
                    + " reports are already waiting for the CRM");
            return;
        }
        pool.execute(() -> attempt(report, 1));
    }

    int pending() {
        return pending.get();
    }

    private void attempt(ResetReport report, int attempt) {
        if (deliver(report)) {
            pending.decrementAndGet();
            return;
        }
        if (attempt >= settings.maxAttempts()) {
            pending.decrementAndGet();
            LOG.warning(() -> "CRM report " + report.id() + " (" + report.type() + ") given up after " + attempt + " attempts");
            return;
        }
        long delay = backoff(attempt, settings.firstRetry(), settings.maxRetry()).toMillis();
        pool.schedule(() -> attempt(report, attempt + 1), delay, TimeUnit.MILLISECONDS);
    }

    /** True when the report is done with: delivered, or refused for good (retrying would not help). */
    private boolean deliver(ResetReport report) {
        String body = ReportJson.write(report);
        long timestamp = clock.instant().getEpochSecond(); // signed at each attempt, so a late retry is still fresh
        HttpRequest request = HttpRequest.newBuilder(settings.callback())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(ReportSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(ReportSignature.SIGNATURE_HEADER, ReportSignature.sign(settings.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return true;
            }
            if (isTransient(status)) {
                return false;
            }
            LOG.severe(() -> "The CRM refused report " + report.id() + " with HTTP " + status
                    + "; not retried. Check the reporter's callback-url and that its secret matches the CRM's.");
            return true;
        } catch (IOException e) {
            LOG.log(Level.FINE, "CRM not reachable for report " + report.id(), e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
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

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
