package com.example.crm.keycloak.reporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.report.ReportType;
import com.example.crm.report.ResetReport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReporterMetersTest {

    private static final ResetReport REPORT = ResetReport.of("e1", ReportType.PASSWORD_CHANGED, "crm", "u1",
            Instant.parse("2026-11-30T08:00:00Z"), null);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void showWhatBecameOfEveryReportAndLeaveTheRegistryWhenClosed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ReportSender sender = new ReportSender(new ReportSender.Settings(
                URI.create("http://127.0.0.1:" + closedPort + "/crm/api/keycloak-events"), "secret", 2,
                Duration.ofMillis(10), Duration.ofMillis(10), 10), Clock.systemUTC());
        ReporterMeters meters = new ReporterMeters(registry, sender);

        sender.submit(REPORT);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (sender.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        sender.close();
        sender.submit(REPORT); // Keycloak is stopping: dropped

        assertEquals(2, registry.get(ReporterMeters.QUEUED).functionCounter().count());
        assertEquals(0, outcome("delivered"));
        assertEquals(0, outcome("refused"));
        assertEquals(1, outcome("given_up"));
        assertEquals(1, outcome("dropped"));
        assertEquals(2, registry.get(ReporterMeters.FAILED_ATTEMPTS).functionCounter().count());
        assertEquals(0, registry.get(ReporterMeters.PENDING).gauge().value());

        meters.close();
        assertTrue(registry.getMeters().isEmpty(), registry.getMeters().toString());
    }

    private double outcome(String outcome) {
        return registry.get(ReporterMeters.FINISHED).tag("outcome", outcome).functionCounter().count();
    }
}
