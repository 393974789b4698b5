package com.example.crm.infrastructure.persistence.jpa;

import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import com.example.crm.domain.model.user.UserSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
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
        TypedQuery<CrmUser> query = em.createQuery(
                "SELECT u FROM CrmUser u LEFT JOIN FETCH u.lastReset" + where(search) + " ORDER BY "
                        + order.formatted(direction) + ", u.id", CrmUser.class);
        bind(query, search);
        return query.setFirstResult(search.first()).setMaxResults(search.pageSize()).getResultList();
    }

    @Override
    public List<Long> ids(UserSearch search, int max) {
        TypedQuery<Long> query = em.createQuery("SELECT u.id FROM CrmUser u" + where(search)
                + " ORDER BY u.lastName, u.firstName, u.id", Long.class);
        bind(query, search);
        return query.setMaxResults(max).getResultList();
    }

    @Override
    public long count(UserSearch search) {
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(u) FROM CrmUser u" + where(search), Long.class);
        bind(query, search);
        return query.getSingleResult();
    }

    private static String where(UserSearch search) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (!search.text().isEmpty()) {
            where.append(" AND u.searchKey LIKE :text ESCAPE '\\'");
        }
        if (search.status() != null) {
            where.append(" AND u.status = :status");
        }
        if (search.lastResetStatus() != null) {
            where.append(" AND u.lastReset.status = :resetStatus");
        }
        return where.toString();
    }

    private static void bind(TypedQuery<?> query, UserSearch search) {
        if (!search.text().isEmpty()) {
            query.setParameter("text", containing(search.text()));
        }
        if (search.status() != null) {
            query.setParameter("status", search.status());
        }
        if (search.lastResetStatus() != null) {
            query.setParameter("resetStatus", search.lastResetStatus());
        }
    }

    /** A LIKE pattern (with ESCAPE '\\') for lower-cased columns containing {@code text}; wildcards in it are text. */
    static String containing(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
