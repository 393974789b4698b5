package com.example.crm.infrastructure.persistence.jpa;

import com.example.crm.domain.model.reset.ReceivedReport;
import com.example.crm.domain.model.reset.ReceivedReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Received reports through JPA; the primary key keeps a concurrent repeat out too. */
@ApplicationScoped
public class JpaReceivedReports implements ReceivedReports {

    @PersistenceContext(unitName = "crm")
    EntityManager em;

    @Override
    public boolean add(ReceivedReport report) {
        if (em.find(ReceivedReport.class, report.getId()) != null) {
            return false;
        }
        em.persist(report);
        return true;
    }

    /** Two statements, since JPQL has no DELETE … LIMIT; the index on received_at finds the oldest. */
    @Override
    public int removeReceivedBefore(Instant cutoff, int max) {
        List<String> ids = em.createQuery("SELECT r.id FROM ReceivedReport r WHERE r.receivedAt < :cutoff"
                        + " ORDER BY r.receivedAt", String.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(max)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM ReceivedReport r WHERE r.id IN :ids").setParameter("ids", ids).executeUpdate();
    }
}
