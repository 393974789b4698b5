package com.example.crm.infrastructure.persistence.jpa;

import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import com.example.crm.domain.model.user.UserSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Users through JPQL; filtering, sorting and paging all happen in the database. */
@ApplicationScoped
public class JpaCrmUsers implements CrmUsers {

    @PersistenceContext(unitName = "crm")
    EntityManager em;

    @Override
    public Optional<CrmUser> find(long id) {
        return Optional.ofNullable(em.find(CrmUser.class, id));
    }

    @Override
    public Optional<CrmUser> findByKeycloakId(String keycloakId) {
        return em.createQuery("SELECT u FROM CrmUser u WHERE u.keycloakId = :id", CrmUser.class)
                .setParameter("id", keycloakId)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<CrmUser> lock(long id) {
        return Optional.ofNullable(em.find(CrmUser.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<CrmUser> search(UserSearch search) {
        String order = switch (search.sortField()) {
            case NAME -> "u.lastName %1$s, u.firstName %1$s";
            case EMAIL -> "u.email %1$s";
            case STATUS -> "u.status %1$s, u.lastName, u.firstName";
            case ROLE -> "u.role %1$s, u.lastName, u.firstName";
        };
        String direction = search.ascending() ? "ASC" : "DESC";
        JpqlFilter filter = filter(search);
        return filter.bind(em.createQuery("SELECT u FROM CrmUser u LEFT JOIN FETCH u.lastReset" + filter.where()
                        + " ORDER BY " + order.formatted(direction) + ", u.id", CrmUser.class))
                .setFirstResult(search.first()).setMaxResults(search.pageSize()).getResultList();
    }

    @Override
    public List<Long> ids(UserSearch search, int max) {
        JpqlFilter filter = filter(search);
        return filter.bind(em.createQuery("SELECT u.id FROM CrmUser u" + filter.where()
                        + " ORDER BY u.lastName, u.firstName, u.id", Long.class))
                .setMaxResults(max).getResultList();
    }

    @Override
    public long count(UserSearch search) {
        JpqlFilter filter = filter(search);
        return filter.bind(em.createQuery("SELECT COUNT(u) FROM CrmUser u" + filter.where(), Long.class)).getSingleResult();
    }

    private static JpqlFilter filter(UserSearch search) {
        return new JpqlFilter()
                .contains("u.searchKey", "text", search.text())
                .and("u.status = :status", "status", search.status())
                .and("u.lastReset.status = :resetStatus", "resetStatus", search.lastResetStatus());
    }
}
