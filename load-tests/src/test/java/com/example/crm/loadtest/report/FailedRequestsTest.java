package com.example.crm.loadtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailedRequestsTest {

    @Test
    void groupsFailuresByRequestAndErrorWithTheAddressesTheyWentTo() {
        String log = failure("profile", "found 500", "GET", "http://localhost:8080/crm/settings/users/profile.xhtml?id=61")
                + failure("profile", "found 500", "GET", "http://localhost:8080/crm/settings/users/profile.xhtml?id=61")
                + failure("profile", "found 500", "GET", "http://localhost:8080/crm/settings/users/profile.xhtml?id=3")
                + failure("send reset link", "bodyString.transform.find.is(x), but actually found no answer: timeout",
                        "POST", "http://localhost:8080/crm/settings/users/profile.xhtml?id=7");

        List<FailedRequests.Failure> failures = FailedRequests.read(log);

        assertEquals(2, failures.size());
        assertEquals(new FailedRequests.Failure("profile", "found 500", Map.of(
                "GET /crm/settings/users/profile.xhtml?id=3", 1, "GET /crm/settings/users/profile.xhtml?id=61", 2)),
                failures.get(0));
        assertEquals(3, failures.get(0).count());
        String text = FailedRequests.markdown(failures);
        assertTrue(text.contains("- profile: found 500 — 3 times: `GET /crm/settings/users/profile.xhtml?id=3`,"
                + " `GET /crm/settings/users/profile.xhtml?id=61` ×2"), text);
    }

    @Test
    void noFailuresWriteNothing() {
        assertEquals("", FailedRequests.markdown(FailedRequests.read("")));
    }

    /** A block as Gatling logs it at DEBUG: the summary line, the session, then the request and response. */
    private static String failure(String request, String error, String method, String url) {
        return "03:55:03.222 Request '" + request + "' failed for user 4: " + error + "\n"
                + "03:55:03.237 \n>>>>>>>>>>>>>>>>>>>>>>>>>>\nRequest:\n" + request + ": KO " + error + "\n"
                + "=========================\nSession:\nSession(admins,4,HashMap())\n=========================\n"
                + "HTTP request:\n" + method + " " + url + "\nheaders:\n\taccept: text/html\n"
                + "=========================\nHTTP response:\nstatus:\n\t500 Internal Server Error\n";
    }
}
