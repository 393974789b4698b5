package com.example.crm.infrastructure.persistence.jpa;

import com.example.crm.domain.model.bulk.BulkOutcome;
import com.example.crm.domain.model.bulk.BulkRun;
import com.example.crm.domain.model.bulk.BulkRunItem;
import com.example.crm.domain.model.bulk.BulkRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bulk runs through JPQL. */
@ApplicationScoped
public class JpaBulkRuns implements BulkRuns {

    @PersistenceContext(unitName = "crm")
    EntityManager em;

    @Override
    public void add(BulkRun run, List<BulkRunItem> items) {
        em.persist(run);
        items.forEach(em::persist);
    }

    @Override
    public Optional<BulkRun> find(long runId) {
        return Optional.ofNullable(em.find(BulkRun.class, runId));
    }

    @Override
    public Optional<BulkRunItem> findItem(long itemId) {
        return Optional.ofNullable(em.find(BulkRunItem.class, itemId));
    }

    @Override
    public List<BulkRunItem> items(long runId) {
        return em.createQuery("SELECT i FROM BulkRunItem i JOIN FETCH i.user WHERE i.run.id = :run ORDER BY i.id",
                        BulkRunItem.class)
                .setParameter("run", runId)
                .getResultList();
    }

    @Override
    public List<Long> pendingItemIds(long runId) {
        return em.createQuery("SELECT i.id FROM BulkRunItem i WHERE i.run.id = :run AND i.outcome = :pending ORDER BY i.id",
                        Long.class)
                .setParameter("run", runId)
                .setParameter("pending", BulkOutcome.PENDING)
                .getResultList();
    }

    @Override
    public Map<BulkOutcome, Long> countByOutcome(long runId) {
        Map<BulkOutcome, Long> counts = new EnumMap<>(BulkOutcome.class);
        em.createQuery("SELECT i.outcome, COUNT(i) FROM BulkRunItem i WHERE i.run.id = :run GROUP BY i.outcome", Object[].class)
                .setParameter("run", runId)
                .getResultList()
                .forEach(row -> counts.put((BulkOutcome) row[0], (Long) row[1]));
        return counts;
    }

    @Override
    public Map<BulkOutcome, Long> countUnfinishedByOutcome() {
        Map<BulkOutcome, Long> counts = new EnumMap<>(BulkOutcome.class);
        em.createQuery("SELECT i.outcome, COUNT(i) FROM BulkRunItem i WHERE i.run.finishedAt IS NULL GROUP BY i.outcome",
                        Object[].class)
                .getResultList()
                .forEach(row -> counts.put((BulkOutcome) row[0], (Long) row[1]));
        return counts;
    }

    @Override
    public List<BulkRun> unfinished() {
        return em.createQuery("SELECT r FROM BulkRun r WHERE r.finishedAt IS NULL ORDER BY r.id", BulkRun.class).getResultList();
    }
}
