package com.example.crm.keycloak.reporter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

import com.example.crm.report.ReportJson;
import com.example.crm.report.ReportSignature;
import com.example.crm.report.ReportType;
import com.example.crm.report.ResetReport;
import com.example.crm.report.SignatureVectors;

/** Delivery to a real HTTP receiver on loopback that fails at first, as a CRM that is restarting would. */
class ReportSenderTest {

    private static final ResetReport REPORT = ResetReport.of("e1", ReportType.PASSWORD_CHANGED, "crm", "u1",
            Instant.parse("2026-11-27T12:00:00Z"), null);

    @Test
    void retriesUntilTheCrmAcceptsAndSignsEachAttempt() throws Exception {
        List<String> signatures = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer crm = receiver(exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long timestamp = Long.parseLong(exchange.getRequestHeaders().getFirst(ReportSignature.TIMESTAMP_HEADER));
            assertEquals(ReportSignature.sign("secret", timestamp, body), exchange.getRequestHeaders().getFirst(ReportSignature.SIGNATURE_HEADER));
            signatures.add(body);
            exchange.sendResponseHeaders(calls.incrementAndGet() < 3 ? 503 : 204, -1);
            exchange.close();
        });
        try (ReportSender sender = sender(crm, 5)) {
            sender.submit(REPORT);
            awaitTrue(() -> sender.pending() == 0 && calls.get() == 3);
            assertEquals(List.of(ReportJson.write(REPORT), ReportJson.write(REPORT), ReportJson.write(REPORT)), signatures);
        } finally {
            crm.stop(0);
        }
    }

    @Test
    void sendsTheHeadersAndBodyOfTheContractsSignatureVector() throws Exception {
        SignatureVectors.Vector vector = SignatureVectors.LINK_SENT;
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer crm = receiver(exchange -> {
            received.add(exchange.getRequestHeaders().getFirst(ReportSignature.TIMESTAMP_HEADER));
            received.add(exchange.getRequestHeaders().getFirst(ReportSignature.SIGNATURE_HEADER));
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        Clock atTheVectorsTime = Clock.fixed(Instant.ofEpochSecond(vector.timestamp()), ZoneOffset.UTC);
        try (ReportSender sender = sender(crm, 1, vector.secret(), atTheVectorsTime)) {
            sender.submit(SignatureVectors.LINK_SENT_REPORT);
            awaitTrue(() -> sender.pending() == 0);
            assertEquals(List.of(Long.toString(vector.timestamp()), vector.signature(), vector.body()), received);
        } finally {
            crm.stop(0);
        }
    }

    @Test
    void aCrmStillDeployingIsRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer crm = receiver(exchange -> {
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 404 : 204, -1);
            exchange.close();
        });
        try (ReportSender sender = sender(crm, 5)) {
            sender.submit(REPORT);
            awaitTrue(() -> sender.pending() == 0);
            assertEquals(2, calls.get());
        } finally {
            crm.stop(0);
        }
    }

    @Test
    void aRefusalForAWrongSecretIsNotRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer crm = receiver(exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        try (ReportSender sender = sender(crm, 5)) {
            sender.submit(REPORT);
            awaitTrue(() -> sender.pending() == 0);
            assertEquals(1, calls.get());
        } finally {
            crm.stop(0);
        }
    }

    @Test
    void submitReturnsAtOnceWhenTheCrmIsDownAndGivesUpAfterTheLastAttempt() throws Exception {
        HttpServer down = receiver(exchange -> exchange.close());
        down.stop(0); // its port now refuses connections
        try (ReportSender sender = sender(down, 3)) {
            long start = System.nanoTime();
            sender.submit(REPORT);
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(500), "submit never waits for the CRM");
            assertEquals(1, sender.pending());
            awaitTrue(() -> sender.pending() == 0);
        }
    }

    @Test
    void anAttemptThatThrowsIsLoggedAndTheReportRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer crm = receiver(exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        try (CapturedLog log = new CapturedLog(); ReportSender sender = sender(crm, 5, "secret", new FailingClock(1))) {
            sender.submit(REPORT);
            awaitTrue(() -> sender.pending() == 0);
            assertEquals(1, calls.get());
            assertEquals(1, log.count(Level.WARNING, "CRM report e1 (PASSWORD_CHANGED): attempt 1 of 5 failed"), log.toString());
        } finally {
            crm.stop(0);
        }
    }

    @Test
    void aReportWhoseEveryAttemptThrowsIsGivenUpAfterTheLastAndLogged() throws Exception {
        HttpServer crm = receiver(exchange -> exchange.close());
        try (CapturedLog log = new CapturedLog(); ReportSender sender = sender(crm, 3, "secret", new FailingClock(Integer.MAX_VALUE))) {
            sender.submit(REPORT);
            awaitTrue(() -> sender.pending() == 0);
            assertEquals(3, log.count(Level.WARNING, "of 3 failed"), log.toString());
            assertEquals(1, log.count(Level.WARNING, "CRM report e1 (PASSWORD_CHANGED) given up after 3 attempts"), log.toString());
        } finally {
            crm.stop(0);
        }
    }

    @Test
    void aReportSubmittedAfterShutdownIsDroppedAndLoggedWithoutThrowing() throws Exception {
        HttpServer crm = receiver(exchange -> exchange.close());
        try (CapturedLog log = new CapturedLog()) {
            ReportSender sender = sender(crm, 3);
            sender.close();
            assertDoesNotThrow(() -> sender.submit(REPORT));
            assertEquals(0, sender.pending());
            assertEquals(1, log.count(Level.WARNING, "CRM report e1 (PASSWORD_CHANGED) dropped"), log.toString());
        } finally {
            crm.stop(0);
        }
    }

    @Test
    void shutdownLogsHowManyReportsWereStillPendingAndAreLost() throws Exception {
        HttpServer down = receiver(exchange -> exchange.close());
        down.stop(0);
        try (CapturedLog log = new CapturedLog()) {
            ReportSender sender = sender(down, 3);
            sender.submit(REPORT);
            sender.submit(ResetReport.of("e2", ReportType.LINK_EXPIRED, "crm", "u1", Instant.parse("2026-11-27T12:01:00Z"), null));
            sender.close();
            assertEquals(1, log.count(Level.WARNING, "2 reports to the CRM were still pending and are lost"), log.toString());
        }
    }

    @Test
    void aReportBeingSentAtShutdownCountsAsLost() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer slow = receiver(exchange -> {
            arrived.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        try (CapturedLog log = new CapturedLog()) {
            ReportSender sender = sender(slow, 3);
            sender.submit(REPORT);
            assertTrue(arrived.await(20, TimeUnit.SECONDS));
            sender.close();
            assertEquals(1, log.count(Level.WARNING, "1 report to the CRM was still pending and is lost"), log.toString());
        } finally {
            release.countDown();
            slow.stop(0);
        }
    }

    @Test
    void countsWhatBecameOfEveryReportForTheOperator() throws Exception {
        HttpServer crm = receiver(exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body.contains("\"refused\"") ? 401 : body.contains("\"failing\"") ? 503 : 204, -1);
            exchange.close();
        });
        try {
            ReportSender sender = sender(crm, 2);
            sender.submit(REPORT);
            sender.submit(ResetReport.of("refused", ReportType.PASSWORD_CHANGED, "crm", "u1", Instant.parse("2026-11-27T12:00:00Z"), null));
            sender.submit(ResetReport.of("failing", ReportType.PASSWORD_CHANGED, "crm", "u1", Instant.parse("2026-11-27T12:00:00Z"), null));
            awaitTrue(() -> sender.pending() == 0);
            sender.close();
            sender.submit(REPORT);
            assertEquals(new ReportSender.Counts(4, 1, 1, 1, 1, 2), sender.counts());
        } finally {
            crm.stop(0);
        }
    }

    @Test
    void onlyTransientStatusesAreRetried() {
        for (int status : new int[] {404, 408, 425, 429, 500, 502, 503}) {
            assertTrue(ReportSender.isTransient(status), String.valueOf(status));
        }
        for (int status : new int[] {400, 401, 403, 409, 415}) {
            assertTrue(!ReportSender.isTransient(status), String.valueOf(status));
        }
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        Duration first = Duration.ofMillis(100);
        Duration max = Duration.ofSeconds(1);
        assertEquals(Duration.ofMillis(100), ReportSender.backoff(1, first, max));
        assertEquals(Duration.ofMillis(400), ReportSender.backoff(3, first, max));
        assertEquals(max, ReportSender.backoff(5, first, max));
        assertEquals(max, ReportSender.backoff(64, first, max));
    }

    private static ReportSender sender(HttpServer crm, int attempts) {
        return sender(crm, attempts, "secret", Clock.systemUTC());
    }

    private static ReportSender sender(HttpServer crm, int attempts, String secret, Clock clock) {
        URI callback = URI.create("http://127.0.0.1:" + crm.getAddress().getPort() + "/api/keycloak-events");
        return new ReportSender(new ReportSender.Settings(callback, secret, attempts, Duration.ofMillis(50),
                Duration.ofMillis(200), 100), clock);
    }

    private static HttpServer receiver(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/keycloak-events", handler);
        server.start();
        return server;
    }

    /** A clock whose first {@code failures} readings throw, as any unexpected fault inside an attempt would. */
    private static final class FailingClock extends Clock {
        private final AtomicInteger failuresLeft;

        FailingClock(int failures) {
            this.failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public Instant instant() {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("clock fault");
            }
            return Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** What the sender logs while open. */
    private static final class CapturedLog extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger(ReportSender.class.getName());
        private final List<LogRecord> records = new CopyOnWriteArrayList<>();

        CapturedLog() {
            logger.addHandler(this);
        }

        long count(Level level, String text) {
            return records.stream().filter(r -> r.getLevel().equals(level) && r.getMessage().contains(text)).count();
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }

        @Override
        public String toString() {
            return records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList().toString();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
