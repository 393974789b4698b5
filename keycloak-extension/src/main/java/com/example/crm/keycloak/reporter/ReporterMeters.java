package com.example.crm.keycloak.reporter;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The reporter's totals ({@link ReportSender.Counts}) as Micrometer meters, which Keycloak's {@code /metrics} on its
 * management port shows (Prometheus: {@code crm_reporter_…}). They read the sender's own counters, so the log and the
 * metrics never disagree.
 */
final class ReporterMeters implements AutoCloseable {

    static final String QUEUED = "crm.reporter.reports.queued";
    static final String FINISHED = "crm.reporter.reports";
    static final String FAILED_ATTEMPTS = "crm.reporter.attempts.failed";
    static final String PENDING = "crm.reporter.reports.pending";
    private static final String FINISHED_HELP = "Reports by what became of them: delivered; refused by the CRM for good (wrong"
            + " secret, URL or realm; not retried); given_up after the last attempt; dropped (queue full, or Keycloak stopping)";

    private final MeterRegistry registry;
    private final List<Meter> meters;

    ReporterMeters(MeterRegistry registry, ReportSender sender) {
        this.registry = registry;
        this.meters = List.of(
                counter(QUEUED, sender, ReportSender.Counts::queued, null, "Reports handed to the reporter since Keycloak started"),
                counter(FINISHED, sender, ReportSender.Counts::delivered, "delivered", FINISHED_HELP),
                counter(FINISHED, sender, ReportSender.Counts::refused, "refused", FINISHED_HELP),
                counter(FINISHED, sender, ReportSender.Counts::givenUp, "given_up", FINISHED_HELP),
                counter(FINISHED, sender, ReportSender.Counts::dropped, "dropped", FINISHED_HELP),
                counter(FAILED_ATTEMPTS, sender, ReportSender.Counts::failedAttempts, null,
                        "Unsuccessful attempts; each is retried with backoff unless it was the last"),
                Gauge.builder(PENDING, sender, ReportSender::pending)
                        .description("Reports waiting to be delivered or retried").register(registry));
    }

    private FunctionCounter counter(String name, ReportSender sender, ToLongFunction<ReportSender.Counts> count, String outcome,
                                    String description) {
        FunctionCounter.Builder<ReportSender> builder = FunctionCounter.builder(name, sender,
                s -> count.applyAsLong(s.counts())).description(description);
        if (outcome != null) {
            builder.tag("outcome", outcome);
        }
        return builder.register(registry);
    }

    /** Takes the meters off the registry, so that a restarted factory registers its own. */
    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
