package com.example.crm.testsupport;

import com.example.crm.domain.model.reset.ReceivedReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reports a test says the CRM received, at the times it says, and which of them the CRM still knows. */
@ApplicationScoped
public class TestReports {

    @PersistenceContext(unitName = "crm")
    EntityManager em;

    /** {@code count} reports, the first received at {@code first} and each next one {@code apart} later; their ids. */
    @Transactional
    public List<String> receivedAt(Instant first, Duration apart, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            em.persist(new ReceivedReport(id, "PASSWORD_CHANGED", first.plus(apart.multipliedBy(i))));
            ids.add(id);
        }
        return ids;
    }

    /** Those of {@code ids} still in the table, asked of the database (not the cache). */
    @Transactional
    public long stillKnown(List<String> ids) {
        return em.createQuery("SELECT COUNT(r) FROM ReceivedReport r WHERE r.id IN :ids", Long.class)
                .setParameter("ids", ids).getSingleResult();
    }
}
