package com.example.crm.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import com.example.crm.domain.model.user.UserSearch;
import com.example.crm.domain.model.user.UserSearch.SortField;
import com.example.crm.domain.model.user.UserStatus;
import com.example.crm.testsupport.CrmDeployment;
import com.example.crm.testsupport.TestUsers;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The users list's queries: search, status filter, sort and paging, all in the database. */
@ExtendWith(ArquillianExtension.class)
class JpaCrmUsersIT {

    @Deployment
    static WebArchive deployment() {
        return CrmDeployment.applicationAndPersistence();
    }

    @Inject
    CrmUsers crmUsers;

    @Inject
    TestUsers testUsers;

    @Test
    void searchesFiltersSortsAndPagesInTheDatabase() {
        String tag = "z" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 25; i++) {
            testUsers.create("Pat" + tag, String.format("Last%02d", i), "pat" + i + "@" + tag + ".example.com", i % 5 != 0, true);
        }

        assertEquals(25, crmUsers.count(search(tag, null, SortField.NAME, true, 0, 10)));
        assertEquals(5, crmUsers.count(search(tag, UserStatus.INACTIVE, SortField.NAME, true, 0, 10)));

        List<CrmUser> secondPage = crmUsers.search(search(tag, null, SortField.NAME, true, 10, 10));
        assertEquals(10, secondPage.size());
        assertEquals("Last10", secondPage.get(0).getLastName());

        List<CrmUser> byEmailDescending = crmUsers.search(search(tag, null, SortField.EMAIL, false, 0, 3));
        assertEquals("pat9@" + tag + ".example.com", byEmailDescending.get(0).getEmail());

        List<CrmUser> activeFirst = crmUsers.search(search(tag, null, SortField.STATUS, true, 0, 25));
        assertTrue(activeFirst.get(0).isActive());
        assertTrue(!activeFirst.get(24).isActive());
    }

    @Test
    void searchFindsFullNamesAndTreatsWildcardsAsText() {
        String tag = "q" + UUID.randomUUID().toString().substring(0, 8);
        testUsers.create("Ada" + tag, "Lovelace", "ada@" + tag + ".example.com", true, true);
        testUsers.create("Bob" + tag, "Percent", "bob%@" + tag + ".example.com", true, true);

        assertEquals(1, crmUsers.count(search(("ada" + tag + " lovelace").toUpperCase(), null, SortField.NAME, true, 0, 10)));
        assertEquals(1, crmUsers.count(search("%@" + tag, null, SortField.NAME, true, 0, 10)));
        assertEquals(0, crmUsers.count(search("_" + tag + "_nothing", null, SortField.NAME, true, 0, 10)));
    }

    @Test
    void aPagePastTheMiddleReadFromTheEndIsTheSamePage() {
        String tag = "r" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 25; i++) {
            // Names and addresses repeat, so the tie-breaker decides where pages begin and end.
            testUsers.create("Pat" + tag, "Last" + i % 4, "pat" + i % 3 + "@" + tag + ".example.com", i % 5 != 0, true);
        }
        for (SortField field : List.of(SortField.NAME, SortField.EMAIL, SortField.STATUS, SortField.ROLE)) {
            for (boolean ascending : List.of(true, false)) {
                for (UserStatus status : Arrays.asList(null, UserStatus.ACTIVE)) {
                    long matching = crmUsers.count(search(tag, status, field, ascending, 0, 10));
                    for (int first = 0; first < matching; first += 7) {
                        UserSearch page = search(tag, status, field, ascending, first, 7);
                        assertEquals(ids(crmUsers.search(page)), ids(crmUsers.search(page, matching)),
                                field + (ascending ? " ascending" : " descending") + ", " + status + ", from " + first);
                    }
                }
            }
        }
    }

    private static List<Long> ids(List<CrmUser> users) {
        return users.stream().map(CrmUser::getId).toList();
    }

    private static UserSearch search(String text, UserStatus status, SortField field, boolean ascending, int first, int size) {
        return new UserSearch(text, status, null, field, ascending, first, size);
    }
}
