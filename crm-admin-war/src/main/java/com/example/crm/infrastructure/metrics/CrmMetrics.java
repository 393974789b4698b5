package com.example.crm.infrastructure.metrics;

import com.example.crm.application.BulkLedger;
import com.example.crm.application.JobTurnRan;
import com.example.crm.application.LinkClosed;
import com.example.crm.application.ResetAttempt;
import com.example.crm.domain.model.bulk.BulkOutcome;
import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.reset.ResetStatus;
import com.example.crm.report.ReportType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Counts what the application decided (its events, counted once their transaction has committed) and what the edges
 * saw (Keycloak's reports at the callback, calls to Keycloak's admin API). The README lists every metric.
 * <p>
 * Each series is looked up in the registry once and kept: Payara's registry builds a new histogram (and reads its
 * settings from the server's clustered config store) on every {@code histogram(..)} call, even for one it has, and
 * the Keycloak call's histogram is updated on the admin's click (JDK Flight Recorder, docs/PERFORMANCE.md).
 */
@ApplicationScoped
public class CrmMetrics {

    static final String LINKS_CLOSED = "crm.links.closed";
    static final String REPORTS_RECEIVED = "crm.reports.received";
    static final String REPORTS_REJECTED = "crm.reports.rejected";
    static final String REPORT_LAG = "crm.reports.lag.milliseconds";
    static final String BULK_ITEMS = "crm.bulk.items";
    static final String KEYCLOAK_CALLS = "crm.keycloak.calls.milliseconds";
    static final String JOB_TURNS = "crm.jobs.turns";

    private static final Metadata SENT = counter(MetricTags.RESETS_SENT, "Reset links Keycloak emailed");
    private static final Metadata REFUSED = counter(MetricTags.RESETS_REFUSED,
            "Reset links the CRM's own checks or the hourly limit turned away (by reason); Keycloak was not asked");
    private static final Metadata FAILED = counter(MetricTags.RESETS_FAILED, "Reset links that could not be sent (by cause)");
    private static final Metadata CLOSED = counter(LINKS_CLOSED, "Sent links that stopped working (by outcome)");
    private static final Metadata RECEIVED = counter(REPORTS_RECEIVED, "Keycloak's reports accepted at the callback (by type)");
    private static final Metadata REJECTED = counter(REPORTS_REJECTED, "Reports refused at the callback (by reason)");
    // Histograms of plain milliseconds: Payara 6.2025.10 scales a timer's (or a unit's) quantiles and sum differently.
    private static final Metadata LAG = Metadata.builder().withName(REPORT_LAG)
            .withDescription("Milliseconds from the event in Keycloak to its report taken in by the CRM").build();
    private static final Metadata CALLS = Metadata.builder().withName(KEYCLOAK_CALLS)
            .withDescription("Milliseconds of each call to Keycloak's admin API (by operation), failed ones included").build();
    private static final Metadata TURNS = counter(JOB_TURNS,
            "Turns of scheduled jobs this instance ran (by job); with several instances, each turn runs on one of them");
    private static final Metadata BULK = Metadata.builder().withName(BULK_ITEMS)
            .withDescription("Items of bulk runs not yet finished (by state); NaN when the database does not answer").build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    BulkLedger bulkLedger;

    @Inject
    Clock clock;

    private final Map<MetricID, Counter> counters = new ConcurrentHashMap<>();
    private final Map<MetricID, Histogram> histograms = new ConcurrentHashMap<>();

    /** Every series with a known tag set starts at 0, so that rates and alerts see it before its first event. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.counter(SENT);
        for (ResetFailure failure : ResetFailure.values()) {
            if (failure.foundByCrm()) {
                registry.counter(REFUSED, MetricTags.reason(failure));
            } else {
                registry.counter(FAILED, MetricTags.cause(failure));
            }
        }
        registry.counter(REFUSED, new Tag("reason", MetricTags.RATE_LIMITED));
        for (ResetStatus status : ResetStatus.values()) {
            if (LinkClosed.closes(status)) {
                registry.counter(CLOSED, MetricTags.linkOutcome(status));
            }
        }
        for (ReportType type : ReportType.values()) {
            registry.counter(RECEIVED, new Tag("type", MetricTags.value(type)));
        }
        registry.histogram(LAG);
        RecentCounts bulkItems = new RecentCounts(bulkLedger::itemsOfUnfinishedRuns, clock);
        for (BulkOutcome outcome : BulkOutcome.values()) {
            registry.gauge(BULK, () -> bulkItems.of(outcome), new Tag("state", MetricTags.value(outcome)));
        }
    }

    void attempted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResetAttempt attempt) {
        // Registered with their descriptions at start-up: found by name and tags here.
        MetricTags.of(attempt).ifPresent(count -> counters.computeIfAbsent(new MetricID(count.name(), count.tags()),
                id -> registry.counter(count.name(), count.tags())).inc());
    }

    void closed(@Observes(during = TransactionPhase.AFTER_SUCCESS) LinkClosed closed) {
        counter(CLOSED, MetricTags.linkOutcome(closed.outcome())).inc();
    }

    void jobTurnRan(@Observes JobTurnRan turn) {
        String job = turn.job().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        counter(TURNS, new Tag("job", job)).inc();
    }

    /** A verified report of the CRM's realm, a repeat of one received before included. */
    public void reportReceived(ReportType type) {
        counter(RECEIVED, new Tag("type", MetricTags.value(type))).inc();
    }

    /** A report taken in (not a repeat) {@code lag} after its event happened in Keycloak. */
    public void reportTakenIn(Duration lag) {
        histogram(LAG).update(Math.max(0, lag.toMillis())); // the two servers' clocks may differ a little
    }

    public void reportRejected(Enum<?> reason) {
        counter(REJECTED, new Tag("reason", MetricTags.value(reason))).inc();
    }

    public void keycloakCall(String operation, Duration took) {
        histogram(CALLS, new Tag("operation", operation)).update(took.toMillis());
    }

    private Counter counter(Metadata metadata, Tag... tags) {
        return counters.computeIfAbsent(new MetricID(metadata.getName(), tags), id -> registry.counter(metadata, tags));
    }

    private Histogram histogram(Metadata metadata, Tag... tags) {
        return histograms.computeIfAbsent(new MetricID(metadata.getName(), tags), id -> registry.histogram(metadata, tags));
    }

    private static Metadata counter(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }
}
