package com.example.crm.infrastructure.persistence.jpa;

import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Reset requests through JPQL. */
@ApplicationScoped
public class JpaResetRequests implements ResetRequests {

    @PersistenceContext(unitName = "crm")
    EntityManager em;

    @Override
    public void add(ResetRequest request) {
        em.persist(request);
    }

    @Override
    public Optional<ResetRequest> find(long id) {
        return Optional.ofNullable(em.find(ResetRequest.class, id));
    }

    @Override
    public Optional<ResetRequest> latestFor(long crmUserId) {
        return historyFor(crmUserId, 1).stream().findFirst();
    }

    @Override
    public Optional<ResetRequest> latestSentFor(long crmUserId) {
        return em.createQuery("SELECT r FROM ResetRequest r WHERE r.user.id = :user AND r.expiresAt IS NOT NULL"
                        + " ORDER BY r.requestedAt DESC, r.id DESC", ResetRequest.class)
                .setParameter("user", crmUserId)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    @Override
    public List<ResetRequest> historyFor(long crmUserId, int max) {
        return em.createQuery("SELECT r FROM ResetRequest r WHERE r.user.id = :user"
                        + " ORDER BY r.requestedAt DESC, r.id DESC", ResetRequest.class)
                .setParameter("user", crmUserId)
                .setMaxResults(max)
                .getResultList();
    }
}
