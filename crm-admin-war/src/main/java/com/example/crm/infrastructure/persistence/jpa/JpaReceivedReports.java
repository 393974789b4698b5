package com.example.crm.infrastructure.persistence.jpa;

import com.example.crm.domain.model.reset.ReceivedReport;
import com.example.crm.domain.model.reset.ReceivedReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

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
}
