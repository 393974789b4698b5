package com.example.crm.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.crm.testsupport.CrmDeployment;
import com.example.crm.testsupport.TestReports;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Received reports are forgotten after 30 days, in bounded batches, by the background schedule. */
@ExtendWith(ArquillianExtension.class)
class ReceivedReportsRetentionIT {

    @Deployment
    static WebArchive deployment() {
        return CrmDeployment.applicationAndPersistence();
    }

    @Inject
    ReceivedReportsRetention retention;

    @Inject
    LinkStatusSchedule schedule;

    @Inject
    TestReports reports;

    @Test
    void forgetsOneBatchOfTheOldestReportsAtATime() {
        Instant longAgo = Instant.now().minus(Duration.ofDays(60));
        List<String> old = reports.receivedAt(longAgo, Duration.ofSeconds(1), ReceivedReportsRetention.BATCH + 5);

        assertEquals(ReceivedReportsRetention.BATCH, retention.pruneBatch());
        assertEquals(0, reports.stillKnown(old.subList(0, ReceivedReportsRetention.BATCH)), "the oldest went first");
        assertEquals(5, reports.stillKnown(old.subList(ReceivedReportsRetention.BATCH, old.size())));
        assertEquals(5, retention.pruneBatch());
    }

    @Test
    void theScheduleForgetsEveryReportOlderThanThirtyDaysAndKeepsTheRest() {
        Instant now = Instant.now();
        List<String> old = reports.receivedAt(now.minus(Duration.ofDays(31)), Duration.ofMillis(10),
                2 * ReceivedReportsRetention.BATCH + 1);
        List<String> recent = reports.receivedAt(now.minus(Duration.ofDays(29)), Duration.ofDays(1), 30);

        schedule.pruneReceivedReports();

        assertEquals(0, reports.stillKnown(old));
        assertEquals(recent.size(), reports.stillKnown(recent));
    }
}
