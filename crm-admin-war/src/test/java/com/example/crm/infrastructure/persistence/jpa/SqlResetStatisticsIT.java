package com.example.crm.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetStatistics;
import com.example.crm.domain.model.reset.ResetStatistics.DayCount;
import com.example.crm.domain.model.reset.ResetStatus;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.testsupport.CrmDeployment;
import com.example.crm.testsupport.InTransaction;
import com.example.crm.testsupport.TestUsers;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dashboard's aggregate SQL on the real database: each figure moves by exactly what a test adds. */
@ExtendWith(ArquillianExtension.class)
class SqlResetStatisticsIT {

    private static final ZoneId ZONE = ZoneOffset.UTC;

    @Deployment
    static WebArchive deployment() {
        return CrmDeployment.applicationAndPersistence();
    }

    @Inject
    ResetStatistics statistics;

    @Inject
    TestUsers users;

    @Inject
    InTransaction transaction;

    @PersistenceContext(unitName = "crm")
    EntityManager em;

    @Test
    void eachFigureCountsWhatHappened() {
        Instant since = Instant.now().minus(Duration.ofDays(2));
        long sentBefore = recent(ResetStatus.SENT);
        long completedBefore = recent(ResetStatus.COMPLETED);
        long openBefore = statistics.openLinks(Instant.now());
        long inactiveBefore = reason(ResetFailure.INACTIVE, since);
        long usedBefore = statistics.timeToPasswordSet(since).map(ResetStatistics.TimeToPasswordSet::links).orElse(0L);

        CrmUser often = users.create("Ophelia", "Often", "ophelia.often@example.com", true, true);
        for (int i = 0; i < 3; i++) {
            users.sentEarlier(often, Duration.ofMinutes(30 - i), Duration.ofHours(1));
        }
        ResetRequest used = users.sentEarlier(often, Duration.ofMinutes(20), Duration.ofHours(1));
        transaction.get(() -> {
            em.find(ResetRequest.class, used.getId()).markCompleted(used.getSentAt().plus(Duration.ofMinutes(10)));
            ResetRequest refused = ResetRequest.refused(em.find(CrmUser.class, often.getId()), "admin", Instant.now(),
                    Duration.ofHours(1), ResetFailure.INACTIVE);
            em.persist(refused);
            return null;
        });

        assertEquals(sentBefore + 3, recent(ResetStatus.SENT));
        assertEquals(completedBefore + 1, recent(ResetStatus.COMPLETED));
        assertEquals(openBefore + 3, statistics.openLinks(Instant.now()));
        assertEquals(inactiveBefore + 1, reason(ResetFailure.INACTIVE, since));
        assertEquals(usedBefore + 1, statistics.timeToPasswordSet(since).orElseThrow().links());
        assertTrue(statistics.usersEmailedAtLeast(3, since, 1000).stream()
                .anyMatch(u -> u.crmUserId() == often.getId() && u.links() == 4 && u.fullName().equals("Ophelia Often")));
        List<ResetRequest> soonest = statistics.soonestExpiring(Instant.now(), 1000);
        assertTrue(soonest.stream().anyMatch(r -> r.getUser().getId().equals(often.getId())));
        for (int i = 1; i < soonest.size(); i++) {
            assertTrue(!soonest.get(i).getExpiresAt().isBefore(soonest.get(i - 1).getExpiresAt()), "soonest first");
        }
    }

    @Test
    void theMedianAndNinetiethPercentileAreThoseOfTheLinksUsed() {
        // Only this test's links are used in a window of their own, a year back.
        Instant yearAgo = Instant.now().minus(Duration.ofDays(365));
        CrmUser quick = users.create("Quinn", "Quick", "quinn.quick@example.com", true, true);
        transaction.get(() -> {
            for (int minutes = 1; minutes <= 10; minutes++) {
                ResetRequest request = ResetRequest.requested(em.find(CrmUser.class, quick.getId()), "admin",
                        yearAgo.plusSeconds(minutes), Duration.ofHours(1));
                request.markSent(yearAgo.plusSeconds(minutes));
                request.markCompleted(yearAgo.plusSeconds(minutes).plus(Duration.ofMinutes(minutes)));
                em.persist(request);
            }
            return null;
        });
        ResetStatistics.TimeToPasswordSet time = statistics.timeToPasswordSet(yearAgo).orElseThrow();
        assertTrue(time.links() >= 10);
        // 1..10 minutes: the median is 5.5 minutes and the 90th percentile 9.1 (continuous), when only these count.
        if (time.links() == 10) {
            assertEquals(Duration.ofSeconds(330), time.median());
            assertEquals(Duration.ofSeconds(546), time.p90());
        }
    }

    /** Attempts of the last two days with this status, summed over their days. */
    private long recent(ResetStatus status) {
        return statistics.attemptsPerDay(Instant.now().minus(Duration.ofDays(2)), ZONE).stream()
                .filter(c -> c.status() == status).mapToLong(DayCount::attempts).sum();
    }

    private long reason(ResetFailure failure, Instant since) {
        return statistics.notSentReasons(since, 100).stream().filter(r -> r.failure() == failure)
                .mapToLong(ResetStatistics.ReasonCount::attempts).sum();
    }
}
