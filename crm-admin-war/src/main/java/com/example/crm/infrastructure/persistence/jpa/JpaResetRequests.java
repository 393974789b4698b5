package com.example.crm.infrastructure.persistence.jpa;

import com.example.crm.domain.model.reset.AuditSearch;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import com.example.crm.domain.model.reset.ResetStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reset requests through JPQL. */
@ApplicationScoped
public class JpaResetRequests implements ResetRequests {

    private static final List<ResetStatus> EMAILED = Arrays.stream(ResetStatus.values()).filter(ResetStatus::wasEmailed).toList();

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
        return em.createQuery("SELECT r FROM ResetRequest r WHERE r.user.id = :user AND r.status IN :emailed"
                        + " ORDER BY r.requestedAt DESC, r.id DESC", ResetRequest.class)
                .setParameter("user", crmUserId)
                .setParameter("emailed", EMAILED)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    @Override
    public List<ResetRequest> requestedSince(long crmUserId, Instant since) {
        return em.createQuery("SELECT r FROM ResetRequest r WHERE r.user.id = :user AND r.requestedAt > :since"
                        + " ORDER BY r.requestedAt, r.id", ResetRequest.class)
                .setParameter("user", crmUserId)
                .setParameter("since", since)
                .getResultList();
    }

    @Override
    public List<ResetRequest> requestedSince(Collection<Long> crmUserIds, Instant since) {
        if (crmUserIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT r FROM ResetRequest r JOIN FETCH r.user WHERE r.user.id IN :users"
                        + " AND r.requestedAt > :since", ResetRequest.class)
                .setParameter("users", crmUserIds)
                .setParameter("since", since)
                .getResultList();
    }

    @Override
    public List<ResetRequest> runOutBy(Instant now, int max) {
        return em.createQuery("SELECT r FROM ResetRequest r WHERE r.status = :sent AND r.expiresAt <= :now"
                        + " ORDER BY r.expiresAt, r.id", ResetRequest.class)
                .setParameter("sent", ResetStatus.SENT)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public List<ResetRequest> search(AuditSearch search) {
        JpqlFilter filter = filter(search);
        return filter.bind(em.createQuery("SELECT r FROM ResetRequest r JOIN FETCH r.user u" + filter.where()
                        + " ORDER BY r.requestedAt DESC, r.id DESC", ResetRequest.class))
                .setFirstResult(search.first()).setMaxResults(search.pageSize()).getResultList();
    }

    @Override
    public long count(AuditSearch search) {
        JpqlFilter filter = filter(search);
        return filter.bind(em.createQuery("SELECT COUNT(r) FROM ResetRequest r JOIN r.user u" + filter.where(), Long.class))
                .getSingleResult();
    }

    private static JpqlFilter filter(AuditSearch search) {
        return new JpqlFilter()
                .contains("u.searchKey", "user", search.user())
                .contains("LOWER(r.requestedBy)", "admin", search.admin())
                .and("r.status = :outcome", "outcome", search.outcome())
                .and("r.requestedAt >= :from", "from", search.from())
                .and("r.requestedAt < :to", "to", search.to());
    }

    @Override
    public List<ResetRequest> requestedBefore(Instant cutoff, int max) {
        return em.createQuery("SELECT r FROM ResetRequest r WHERE r.status = :requested AND r.requestedAt <= :cutoff"
                        + " ORDER BY r.requestedAt, r.id", ResetRequest.class)
                .setParameter("requested", ResetStatus.REQUESTED)
                .setParameter("cutoff", cutoff)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public List<Long> usersWithOpenLinks() {
        return em.createQuery("SELECT DISTINCT r.user.id FROM ResetRequest r WHERE r.status IN :open", Long.class)
                .setParameter("open", List.of(ResetStatus.SENT, ResetStatus.REQUESTED))
                .getResultList();
    }

    @Override
    public List<Instant> emailedSince(long crmUserId, Instant since) {
        return em.createQuery("SELECT r.requestedAt FROM ResetRequest r WHERE r.user.id = :user AND r.status IN :emailed"
                        + " AND r.requestedAt > :since ORDER BY r.requestedAt", Instant.class)
                .setParameter("user", crmUserId)
                .setParameter("emailed", EMAILED)
                .setParameter("since", since)
                .getResultList();
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
