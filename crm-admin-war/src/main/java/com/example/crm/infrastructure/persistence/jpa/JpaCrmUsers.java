package com.example.crm.infrastructure.persistence.jpa;

import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import com.example.crm.domain.model.user.UserSearch;
import com.example.crm.domain.model.user.UserSearch.SortField;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Users through JPQL; filtering, sorting and paging all happen in the database. */
@ApplicationScoped
public class JpaCrmUsers implements CrmUsers {

    /**
     * Up to this many matches (a few milliseconds to sort), PostgreSQL sorts a search's matches instead of walking a
     * sorted index until it has a page of them: its planner takes matches to be spread evenly through the index, but
     * the bearers of one surname sit together, and the walk can pass most of the table before it reaches them.
     */
    private static final long MATCHES_SORTED = 10_000;
    /** Equal for every user, so it changes no order; no index holds it, so the database must sort the matches. */
    private static final String SORT_MATCHES = "LENGTH(u.username) * 0, ";

    @PersistenceContext(unitName = "crm")
    EntityManager em;

    @Resource(lookup = "jdbc/crm")
    DataSource dataSource;

    private boolean onPostgres;

    @PostConstruct
    void readDatabaseProduct() {
        onPostgres = "PostgreSQL".equals(DatabaseMigrations.databaseProduct(dataSource));
    }

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
        return page(search, false, search.first(), search.pageSize(), false);
    }

    @Override
    public List<CrmUser> search(UserSearch search, long matching) {
        boolean sortMatches = onPostgres && !search.text().isEmpty() && matching <= MATCHES_SORTED;
        long after = matching - search.first(); // users from the page's first to the end
        boolean oneDirection = search.sortField() == SortField.NAME || search.sortField() == SortField.EMAIL;
        if (!oneDirection || search.first() <= matching / 2 || after <= 0) {
            return page(search, false, search.first(), search.pageSize(), sortMatches);
        }
        // A large OFFSET walks every row before it: past the middle, read the same rows in reverse order from the end.
        // Ties are broken by the unique username, not the id: H2 cannot read an index by descending primary key (V8).
        int count = (int) Math.min(search.pageSize(), after);
        List<CrmUser> reversed = new ArrayList<>(page(search, true, (int) (after - count), count, sortMatches));
        Collections.reverse(reversed);
        return reversed;
    }

    private List<CrmUser> page(UserSearch search, boolean reversed, int first, int max, boolean sortMatches) {
        String order = switch (search.sortField()) {
            // Filtered by status, the (constant) status leads so that H2 reads the status-and-name index in order.
            case NAME -> (search.status() == null ? "" : "u.status, ") + "u.lastName %1$s, u.firstName %1$s, u.username %1$s";
            case EMAIL -> "u.email %1$s, u.username %1$s";
            case STATUS -> "u.status %1$s, u.lastName, u.firstName, u.username"; // never reversed: names run A to Z
            case ROLE -> "u.role %1$s, u.lastName, u.firstName, u.username";
        };
        String direction = search.ascending() != reversed ? "ASC" : "DESC";
        String sorting = (sortMatches ? SORT_MATCHES : "") + order.formatted(direction);
        JpqlFilter filter = filter(search);
        return filter.bind(em.createQuery("SELECT u FROM CrmUser u LEFT JOIN FETCH u.lastReset" + filter.where()
                        + " ORDER BY " + sorting, CrmUser.class))
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
