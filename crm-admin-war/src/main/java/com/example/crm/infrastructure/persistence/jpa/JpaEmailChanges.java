package com.example.crm.infrastructure.persistence.jpa;

import com.example.crm.domain.model.reset.AuditSearch;
import com.example.crm.domain.model.user.EmailChange;
import com.example.crm.domain.model.user.EmailChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Email address changes through JPA, filtered like the audit log's attempts. */
@ApplicationScoped
public class JpaEmailChanges implements EmailChanges {

    @PersistenceContext(unitName = "crm")
    EntityManager em;

    @Override
    public void add(EmailChange change) {
        em.persist(change);
    }

    @Override
    public List<EmailChange> search(AuditSearch search) {
        JpqlFilter filter = filter(search);
        return filter.bind(em.createQuery("SELECT c FROM EmailChange c JOIN FETCH c.user u" + filter.where()
                        + " ORDER BY c.changedAt DESC, c.id DESC", EmailChange.class))
                .setFirstResult(search.first()).setMaxResults(search.pageSize()).getResultList();
    }

    @Override
    public long count(AuditSearch search) {
        JpqlFilter filter = filter(search);
        return filter.bind(em.createQuery("SELECT COUNT(c) FROM EmailChange c JOIN c.user u" + filter.where(), Long.class))
                .getSingleResult();
    }

    private static JpqlFilter filter(AuditSearch search) {
        return new JpqlFilter()
                .contains("u.searchKey", "user", search.user())
                .contains("LOWER(c.changedBy)", "admin", search.admin())
                .and("c.changedAt >= :from", "from", search.from())
                .and("c.changedAt < :to", "to", search.to());
    }
}
