package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.DemoUsers;
import com.example.crm.systemtest.support.DemoUsers.DemoUser;
import com.example.crm.systemtest.support.PageText;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SignedInSession;
import com.example.crm.systemtest.support.SystemTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Odd and hostile input typed by an admin, over real HTTP: a clear answer every time, never an error page. */
@SystemTest
class BadInputTest {

    private static final List<String> ODD = List.of("x".repeat(10_000), "%", "_", "'\"; DROP TABLE crm_user; --",
            "\u00fcn\u00efc\u00f8d\u00e9 \u6f22\u5b57 \ud83d\ude00", "<script>alert(1)</script>", "  ", "\\");
    private static final Pattern ROW = Pattern.compile("data-ri=\"\\d+\"");

    @Test
    void searchesAndFiltersAnswerWithAListForAnyText(RunningStack stack) {
        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");
        HttpResponse<String> users = admin.get("/settings/users/");
        HttpResponse<String> audit = admin.get("/settings/audit/");
        for (String text : ODD) {
            String what = text.length() > 40 ? text.length() + " characters" : "\"" + text + "\"";
            assertListAnswer(admin.type(users, "users-form", "users-form:search", "users-form:users users-form:bulk-bar", text),
                    "users search " + what);
            assertListAnswer(admin.type(audit, "audit-form", "audit-form:user", "audit-form:attempts", text),
                    "audit user filter " + what);
            assertListAnswer(admin.type(audit, "audit-form", "audit-form:admin", "audit-form:attempts", text),
                    "audit admin filter " + what);
        }
        for (String wildcard : List.of("%", "_")) {
            HttpResponse<String> answer = admin.type(users, "users-form", "users-form:search", "users-form:users", wildcard);
            assertTrue(answer.body().contains("No user matches this search."), wildcard + " is searched for as text, not as a wildcard");
        }
    }

    @Test
    void markupInNamesIsShownAsText(RunningStack stack) {
        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");
        HttpResponse<String> users = admin.get("/settings/users/");
        HttpResponse<String> found = admin.type(users, "users-form", "users-form:search", "users-form:users", "escaping");
        assertTrue(found.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name is there, escaped");
        assertFalse(found.body().contains("<script>alert(1)"), "and never as markup");
    }

    @Test
    void aForgedPageSizeIsClampedToTheLargestOffered(RunningStack stack) {
        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");
        HttpResponse<String> users = admin.get("/settings/users/");
        for (String rows : List.of("100000", "37", "-5", "all")) {
            HttpResponse<String> page = admin.paginate(users, "users-form", "users-form:users", "0", rows);
            assertListAnswer(page, rows + " rows asked for");
            Matcher row = ROW.matcher(page.body());
            int count = 0;
            while (row.find()) {
                count++;
            }
            assertEquals(100, count, rows + " rows asked for: the largest page offered instead");
        }
    }

    @Test
    void anOverlongEmailIsRefusedInTheAdminsWordsAndChangesNothing(RunningStack stack) {
        DemoUser ava = DemoUsers.of(stack).get("ava.garcia");
        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");
        String profileUrl = "/settings/users/profile.xhtml?id=" + ava.id();
        HttpResponse<String> profile = admin.get(profileUrl);

        HttpResponse<String> saved = admin.click(profile, "email-form", "email-form:save-email", "profile-form:profile",
                Map.of("email-form:new-email", "a".repeat(10_000) + "@example.com"));

        assertEquals(200, saved.statusCode());
        assertTrue(saved.body().contains("longer than an email address can be"), PageText.gist(saved.body()));
        assertTrue(admin.get(profileUrl).body().contains(ava.email()), "the address is unchanged");
    }

    /** A partial response that re-renders the list: no error, no error page, no sign-in. */
    private static void assertListAnswer(HttpResponse<String> answer, String what) {
        assertEquals(200, answer.statusCode(), what);
        String body = answer.body();
        assertTrue(body.startsWith("<?xml") && body.contains("<partial-response"), what + ": " + PageText.gist(body));
        assertFalse(body.contains("<error>") || body.contains("Something went wrong") || body.contains("kc-login"),
                what + ": " + PageText.gist(body));
    }
}
