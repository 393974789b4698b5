package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Browser;
import com.example.crm.systemtest.support.Http;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SystemTest;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** User Management is for crm-admin only: by menu, by URL and by forged POST. */
@SystemTest
class AccessTest {

    @Test
    void signedOutVisitorIsSentToKeycloakSignIn(RunningStack stack) {
        var response = Http.get(stack.crmUrl() + "/settings/users/");
        assertEquals(302, response.statusCode());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(stack.keycloakUrl() + "/realms/crm/protocol/openid-connect/auth"), location);
        assertTrue(location.contains("client_id=crm"), location);
    }

    @Test
    void signedOutPostChangesNothingAndIsSentToSignIn(RunningStack stack) {
        var response = Http.send(HttpRequest.newBuilder(URI.create(stack.crmUrl() + "/settings/users/profile.xhtml?id=3"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("profile-form=profile-form&jakarta.faces.source=profile-form:send-reset-link")));
        assertEquals(302, response.statusCode());
    }

    @Test
    void agentWithoutCrmAdminSeesNoSettingsAndGets403ByUrl(RunningStack stack, Browser agent) {
        agent.signInToCrm("agent", "agent");
        assertTrue(agent.pageText().contains("needs the crm-admin role"), agent.pageText());
        assertTrue(agent.driver.findElements(By.cssSelector("nav a[aria-label='Settings']")).isEmpty(), "no Settings for agent");

        for (String page : new String[] {"/settings/users/", "/settings/audit/", "/settings/users/bulk.xhtml?run=1"}) {
            agent.go(stack.crmUrl() + page);
            assertEquals("Access denied", agent.text(By.id("error-title")), page);
        }

        Object status = agent.driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {method: 'POST', credentials: 'same-origin', redirect: 'manual',"
                        + " headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                        + " body: 'profile-form=profile-form&jakarta.faces.source=profile-form:send-reset-link'})"
                        + ".then(function (r) { done(r.status); }).catch(function (e) { done(String(e)); });",
                stack.crmUrl() + "/settings/users/profile.xhtml?id=3");
        assertEquals(403L, status);
    }

    @Test
    void signOutEndsTheCrmAndTheKeycloakSession(RunningStack stack, Browser admin) {
        admin.signInToCrm("admin", "admin");
        admin.driver.findElement(By.cssSelector(".crm-sign-out button")).click();
        admin.awaitPageText("You have signed out of the CRM.");

        admin.go(stack.crmUrl() + "/settings/users/");
        admin.waiting().until(d -> !d.findElements(By.id("username")).isEmpty()); // Keycloak asks to sign in again
    }

    @Test
    void profileOfAnUnknownOrMalformedIdIsNotFound(RunningStack stack, Browser admin) {
        admin.signInToCrm("admin", "admin");
        for (String id : new String[] {"999999", "abc", ""}) {
            admin.go(stack.crmUrl() + "/settings/users/profile.xhtml?id=" + id);
            assertEquals("Page not found", admin.text(By.id("error-title")), "id=" + id);
        }
    }

    @Test
    void healthAnswersWithoutSignIn(RunningStack stack) {
        var response = Http.get(stack.crmUrl() + "/api/health");
        assertEquals(200, response.statusCode());
        assertEquals("UP", Http.json(response.body()).path("database").asText());
    }
}
