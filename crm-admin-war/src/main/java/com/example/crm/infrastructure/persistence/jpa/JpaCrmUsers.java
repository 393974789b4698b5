package com.example.crm.infrastructure.persistence.jpa;

import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import com.example.crm.domain.model.user.UserSearch;
import com.example.crm.domain.model.user.UserSearch.SortField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
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
        return page(search, false, search.first(), search.pageSize());
    }

    @Override
    public List<CrmUser> search(UserSearch search, long matching) {
        long after = matching - search.first(); // users from the page's first to the end
        boolean oneDirection = search.sortField() == SortField.NAME || search.sortField() == SortField.EMAIL;
        if (!oneDirection || search.first() <= matching / 2 || after <= 0) {
            return search(search);
        }
        // A large OFFSET walks every row before it: past the middle, read the same rows in reverse order from the end.
        // Ties are broken by the unique username, not the id: H2 cannot read an index by descending primary key (V8).
        int count = (int) Math.min(search.pageSize(), after);
        List<CrmUser> reversed = new ArrayList<>(page(search, true, (int) (after - count), count));
        Collections.reverse(reversed);
        return reversed;
    }

    private List<CrmUser> page(UserSearch search, boolean reversed, int first, int max) {
        String order = switch (search.sortField()) {
            // Filtered by status, the (constant) status leads so that H2 reads the status-and-name index in order.
            case NAME -> (search.status() == null ? "" : "u.status, ") + "u.lastName %1$s, u.firstName %1$s, u.username %1$s";
            case EMAIL -> "u.email %1$s, u.username %1$s";
            case STATUS -> "u.status %1$s, u.lastName, u.firstName, u.username"; // never reversed: names run A to Z
            case ROLE -> "u.role %1$s, u.lastName, u.firstName, u.username";
        };
        JpqlFilter filter = filter(search);
        return filter.bind(em.createQuery("SELECT u FROM CrmUser u LEFT JOIN FETCH u.lastReset" + filter.where()
                        + " ORDER BY " + order.formatted(search.ascending() != reversed ? "ASC" : "DESC"), CrmUser.class))
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public List<Long> ids(UserSearch search, int max) {
        JpqlFilter filter = filter(search);
        return filter.bind(em.createQuery("SELECT u.id FROM CrmUser u" + filter.where()
                        + " ORDER BY u.lastName, u.firstName, u.username", Long.class))
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
                // A subquery, not a join: H2 then starts from the few reset requests of that status.
                .and("u.lastReset.id IN (SELECT r.id FROM ResetRequest r WHERE r.status = :resetStatus)", "resetStatus",
                        search.lastResetStatus());
    }
}
