package com.example.crm.domain.model.user;

import java.util.List;
import java.util.Optional;

/** The CRM's user accounts. */
public interface CrmUsers {

    Optional<CrmUser> find(long id);

    Optional<CrmUser> findByKeycloakId(String keycloakId);

    /** The user, locked for update until the current transaction ends: serialises resets for one user. */
    Optional<CrmUser> lock(long id);

    List<CrmUser> search(UserSearch search);

    /**
     * The same page as {@link #search(UserSearch)}, knowing that {@code matching} users match: a page past the middle
     * may then be read from the far end, and a search's few matches sorted rather than sought in a sorted index.
     */
    List<CrmUser> search(UserSearch search, long matching);

    long count(UserSearch search);

    /** Ids of the users matching the search (its window ignored), in its order, at most {@code max}. */
    List<Long> ids(UserSearch search, int max);
}
