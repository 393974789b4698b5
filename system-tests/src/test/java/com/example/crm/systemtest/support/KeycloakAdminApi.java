package com.example.crm.systemtest.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;

/** Keycloak's admin REST API as the master-realm admin: what an identity administrator would change. */
public final class KeycloakAdminApi {

    private final String url;

    public KeycloakAdminApi(RunningStack stack) {
        this(stack.keycloakUrl());
    }

    /** Through one Keycloak server's own address (a node of a cluster) rather than the stack's. */
    public KeycloakAdminApi(String keycloakUrl) {
        this.url = keycloakUrl;
    }

    /** A fresh master-realm admin token (master's tokens live 60 s). */
    public String token() {
        var response = Http.send(HttpRequest.newBuilder(URI.create(url + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin")));
        return Http.json(response.body()).path("access_token").asText();
    }

    public JsonNode realm() {
        var response = Http.send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/crm"))
                .header("Authorization", "Bearer " + token()).GET());
        return Http.json(response.body());
    }

    /** Points the realm's SMTP settings at another port (a closed one makes every send fail). */
    public void setSmtpPort(int port) {
        ObjectNode update = Http.JSON.createObjectNode();
        ObjectNode smtp = ((ObjectNode) realm().path("smtpServer")).deepCopy();
        smtp.put("port", String.valueOf(port));
        update.set("smtpServer", smtp);
        var response = Http.send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/crm"))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(update.toString())));
        if (response.statusCode() != 204) {
            throw new IllegalStateException("could not update SMTP settings: " + response.statusCode() + " " + response.body());
        }
    }

    /** How many stored events of this type Keycloak has for the client (e.g. CLIENT_LOGIN: tokens issued). */
    public int eventCount(String type, String clientId) {
        var response = Http.send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/crm/events?max=1000&type=" + type
                        + "&client=" + clientId))
                .header("Authorization", "Bearer " + token()).GET());
        return Http.json(response.body()).size();
    }

    /** Imports users (and other resources) into realm crm in one call, as an identity administrator would. */
    public void partialImport(String json) {
        var response = Http.send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/crm/partialImport"))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("partial import failed: " + response.statusCode() + " " + response.body());
        }
    }

    /** The email address Keycloak has for this user (empty when none). */
    public String email(String username) {
        var response = Http.send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/crm/users?exact=true&username=" + username))
                .header("Authorization", "Bearer " + token()).GET());
        return Http.json(response.body()).get(0).path("email").asText("");
    }

    /** Keycloak's id of the user with this username in realm crm. */
    public String userId(String username) {
        var response = Http.send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/crm/users?exact=true&username=" + username))
                .header("Authorization", "Bearer " + token()).GET());
        return Http.json(response.body()).get(0).path("id").asText();
    }

    /** The realm's reset link policy (the admin-console tab's component), as its config map. */
    public JsonNode policyComponent() {
        var response = Http.send(HttpRequest.newBuilder(URI.create(url
                        + "/admin/realms/crm/components?type=org.keycloak.services.ui.extend.UiTabProvider"))
                .header("Authorization", "Bearer " + token()).GET());
        for (JsonNode component : Http.json(response.body())) {
            if ("CRM reset links".equals(component.path("providerId").asText())) {
                return component;
            }
        }
        throw new IllegalStateException("realm crm has no reset link policy: " + response.body());
    }

    /** Changes the policy as an identity administrator would on the tab; returns Keycloak's status code. */
    public int setPolicy(String defaultMinutes, String maxMinutes, boolean onlyNewest) {
        ObjectNode component = (ObjectNode) policyComponent().deepCopy();
        ObjectNode config = Http.JSON.createObjectNode();
        config.putArray("default-lifespan-minutes").add(defaultMinutes);
        config.putArray("max-lifespan-minutes").add(maxMinutes);
        config.putArray("only-newest-link").add(String.valueOf(onlyNewest));
        component.set("config", config);
        return Http.send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/crm/components/" + component.path("id").asText()))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(component.toString()))).statusCode();
    }

    /** What the CRM asks for: Keycloak emails the user an UPDATE_PASSWORD link with this lifespan. */
    public void sendUpdatePasswordEmail(String username, int lifespanSeconds) {
        var response = Http.send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/crm/users/" + userId(username)
                        + "/execute-actions-email?lifespan=" + lifespanSeconds))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("[\"UPDATE_PASSWORD\"]")));
        if (response.statusCode() != 204) {
            throw new IllegalStateException("execute-actions-email failed: " + response.statusCode() + " " + response.body());
        }
    }

    /** Sets the user's password, as an identity administrator would (not temporary). */
    public void setPassword(String username, String password) {
        ObjectNode credential = Http.JSON.createObjectNode().put("type", "password").put("value", password).put("temporary", false);
        var response = Http.send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/crm/users/" + userId(username) + "/reset-password"))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(credential.toString())));
        if (response.statusCode() != 204) {
            throw new IllegalStateException("could not set the password: " + response.statusCode() + " " + response.body());
        }
    }

    /** How many sessions the user has in Keycloak now. */
    public int sessionCount(String username) {
        var response = Http.send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/crm/users/" + userId(username) + "/sessions"))
                .header("Authorization", "Bearer " + token()).GET());
        return Http.json(response.body()).size();
    }
}
