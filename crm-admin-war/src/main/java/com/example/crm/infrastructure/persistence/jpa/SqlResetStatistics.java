package com.example.crm.infrastructure.persistence.jpa;

import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetStatistics;
import com.example.crm.domain.model.reset.ResetStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's figures as aggregate SQL that H2 2 and PostgreSQL both speak (AT TIME ZONE, EXTRACT(EPOCH ...),
 * PERCENTILE_CONT), each over an index: the time range on {@code reset_request_time}, open links on
 * {@code reset_request_status_expiry}. Nothing is loaded row by row.
 */
@ApplicationScoped
public class SqlResetStatistics implements ResetStatistics {

    @PersistenceContext(unitName = "crm")
    EntityManager em;

    @Override
    public List<DayCount> attemptsPerDay(Instant since, ZoneId zone) {
        List<?> rows = em.createNativeQuery("SELECT attempt_day, status, COUNT(*) FROM (SELECT"
                        + " CAST(requested_at AT TIME ZONE ?1 AS DATE) AS attempt_day, status FROM reset_request"
                        + " WHERE requested_at >= ?2) attempts GROUP BY attempt_day, status")
                .setParameter(1, zone.getId())
                .setParameter(2, utc(since))
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new DayCount(day(row[0]), ResetStatus.valueOf((String) row[1]), number(row[2])))
                .toList();
    }

    @Override
    public Optional<TimeToPasswordSet> timeToPasswordSet(Instant since) {
        String seconds = "EXTRACT(EPOCH FROM status_changed_at) - EXTRACT(EPOCH FROM sent_at)";
        Object[] row = (Object[]) em.createNativeQuery("SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + seconds + "),"
                        + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + seconds + "), COUNT(*)"
                        + " FROM reset_request WHERE requested_at >= ?1 AND status = 'COMPLETED' AND sent_at IS NOT NULL")
                .setParameter(1, utc(since))
                .getSingleResult();
        long links = number(row[2]);
        if (links == 0) {
            return Optional.empty();
        }
        return Optional.of(new TimeToPasswordSet(seconds(row[0]), seconds(row[1]), links));
    }

    @Override
    public long openLinks(Instant now) {
        return em.createQuery("SELECT COUNT(r) FROM ResetRequest r WHERE r.status = :sent AND r.expiresAt > :now", Long.class)
                .setParameter("sent", ResetStatus.SENT)
                .setParameter("now", now)
                .getSingleResult();
    }

    @Override
    public List<ResetRequest> soonestExpiring(Instant now, int max) {
        return em.createQuery("SELECT r FROM ResetRequest r JOIN FETCH r.user WHERE r.status = :sent AND r.expiresAt > :now"
                        + " ORDER BY r.expiresAt, r.id", ResetRequest.class)
                .setParameter("sent", ResetStatus.SENT)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public List<ReasonCount> notSentReasons(Instant since, int max) {
        List<?> rows = em.createNativeQuery("SELECT failure, COUNT(*) FROM reset_request"
                        + " WHERE requested_at >= ?1 AND status IN ('FAILED', 'RATE_LIMITED')"
                        + " GROUP BY failure ORDER BY COUNT(*) DESC, failure")
                .setParameter(1, utc(since))
                .setMaxResults(max)
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new ReasonCount(row[0] == null ? null : ResetFailure.valueOf((String) row[0]), number(row[1])))
                .toList();
    }

    @Override
    public List<FrequentRecipient> usersEmailedAtLeast(int links, Instant since, int max) {
        List<?> rows = em.createNativeQuery("SELECT u.id, u.first_name, u.last_name, r.links FROM"
                        + " (SELECT crm_user_id, COUNT(*) AS links FROM reset_request WHERE requested_at >= ?1"
                        + "  AND status IN ('SENT', 'COMPLETED', 'EXPIRED', 'SUPERSEDED') GROUP BY crm_user_id"
                        + "  HAVING COUNT(*) >= ?2) r JOIN crm_user u ON u.id = r.crm_user_id"
                        + " ORDER BY r.links DESC, u.last_name, u.first_name, u.id")
                .setParameter(1, utc(since))
                .setParameter(2, links)
                .setMaxResults(max)
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new FrequentRecipient(number(row[0]), row[1] + " " + row[2], number(row[3])))
                .toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static LocalDate day(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Duration seconds(Object value) {
        return Duration.ofMillis(Math.round(((Number) value).doubleValue() * 1000));
    }
}
