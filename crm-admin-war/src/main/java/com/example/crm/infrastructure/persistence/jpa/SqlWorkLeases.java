package com.example.crm.infrastructure.persistence.jpa;

import com.example.crm.application.WorkLeases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Leases as rows of {@code work_lease}: one conditional UPDATE claims or renews, so two instances claiming at once
 * cannot both win. A name never claimed before gets its row on the first claim (should two instances make it at the
 * same moment, one fails and tries again at its next turn).
 */
@ApplicationScoped
public class SqlWorkLeases implements WorkLeases {

    @PersistenceContext(unitName = "crm")
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String work, String holder, Duration term) {
        Instant now = clock.instant();
        int claimed = em.createNativeQuery("UPDATE work_lease SET holder = ?1, held_until = ?2"
                        + " WHERE name = ?3 AND (holder = ?1 OR held_until < ?4)")
                .setParameter(1, holder)
                .setParameter(2, now.plus(term).atOffset(ZoneOffset.UTC))
                .setParameter(3, work)
                .setParameter(4, now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        if (claimed == 1) {
            return true;
        }
        return em.createNativeQuery("INSERT INTO work_lease (name, holder, held_until) SELECT ?1, ?2, ?3"
                        + " WHERE NOT EXISTS (SELECT 1 FROM work_lease WHERE name = ?1)")
                .setParameter(1, work)
                .setParameter(2, holder)
                .setParameter(3, now.plus(term).atOffset(ZoneOffset.UTC))
                .executeUpdate() == 1;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String work, String holder) {
        em.createNativeQuery("DELETE FROM work_lease WHERE name = ?1 AND holder = ?2")
                .setParameter(1, work)
                .setParameter(2, holder)
                .executeUpdate();
    }
}
