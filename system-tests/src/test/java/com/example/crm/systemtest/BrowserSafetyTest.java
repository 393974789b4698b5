package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Http;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SignedInSession;
import com.example.crm.systemtest.support.SystemTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * What keeps a browser from being turned against an admin: framing, content sniffing, cookies, cross-site posts and
 * sockets.
 */
@SystemTest
class BrowserSafetyTest {

    @Test
    void noCrmPageCanBeFramedOrSniffed(RunningStack stack) {
        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");
        SignedInSession agent = SignedInSession.signIn(stack, "agent", "agent");
        List<HttpResponse<String>> answers = List.of(
                admin.get("/"),
                admin.get("/settings/users/"),
                admin.get("/settings/users/profile.xhtml?id=3"),
                admin.get("/settings/users/profile.xhtml?id=999999"),
                agent.get("/settings/users/"),
                Http.get(stack.crmUrl() + "/api/health"));
        assertEquals(403, answers.get(4).statusCode(), "agent's answer is the 403 page");
        for (HttpResponse<String> answer : answers) {
            String where = answer.uri() + " (" + answer.statusCode() + ")";
            assertTrue(header(answer, "Content-Security-Policy").contains("frame-ancestors 'none'"), where);
            assertEquals("DENY", header(answer, "X-Frame-Options"), where);
            assertEquals("nosniff", header(answer, "X-Content-Type-Options"), where);
            assertEquals("same-origin", header(answer, "Referrer-Policy"), where);
        }
    }

    @Test
    void theSessionCookieIsForTheCrmOnlyAndChangesAtSignIn(RunningStack stack) {
        HttpResponse<String> toSignIn = Http.get(stack.crmUrl() + "/settings/users/");
        String cookie = toSignIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);

        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");
        assertNotNull(admin.sessionIdBeforeSignIn());
        assertNotEquals(admin.sessionIdBeforeSignIn(), admin.sessionId(), "a new session id after sign-in");
        assertEquals(200, admin.get("/settings/users/").statusCode());
    }

    @Test
    void anotherSiteCannotSignAnAdminOut(RunningStack stack) {
        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");

        assertEquals(403, admin.postFrom("https://attacker.example", "/sign-out").statusCode());
        assertEquals(200, admin.get("/settings/users/").statusCode(), "still signed in");

        HttpResponse<String> own = admin.postFrom("http://localhost:" + stack.crmPort, "/sign-out");
        assertEquals(302, own.statusCode());
        assertEquals(302, admin.get("/settings/users/").statusCode(), "signed out: sent to sign in again");
    }

    @Test
    void aProfilesLiveChannelOpensForAnAdminOfTheCrmsOwnPagesOnly(RunningStack stack) {
        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");
        SignedInSession agent = SignedInSession.signIn(stack, "agent", "agent");
        String crmOrigin = "http://localhost:" + stack.crmPort;

        assertEquals("open", socket(stack, admin.sessionId(), crmOrigin));
        assertEquals("refused (401)", socket(stack, null, crmOrigin), "no session");
        assertEquals("refused (403)", socket(stack, agent.sessionId(), crmOrigin), "not an admin");
        assertEquals("refused (403)", socket(stack, admin.sessionId(), "https://attacker.example"), "another site's page");
    }

    /** Opens the live channel of CRM user 3 as a browser would, and says whether the CRM took it. */
    private static String socket(RunningStack stack, String sessionId, String origin) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", origin);
        if (sessionId != null) {
            builder.header("Cookie", "JSESSIONID=" + sessionId);
        }
        URI uri = URI.create(stack.crmUrl().replaceFirst("^http", "ws") + "/push/reset-status/3");
        try {
            builder.buildAsync(uri, new WebSocket.Listener() { }).join().sendClose(WebSocket.NORMAL_CLOSURE, "").join();
            return "open";
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return "refused (" + refused.getResponse().statusCode() + ")";
            }
            throw e;
        }
    }

    private static String header(HttpResponse<String> answer, String name) {
        return answer.headers().firstValue(name).orElse("");
    }
}
