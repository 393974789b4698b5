package com.example.crm.systemtest.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;

/** Keycloak's admin REST API as the master-realm admin: what an identity administrator would change. */
public final class KeycloakAdminApi {

    private final String url;

    public KeycloakAdminApi(RunningStack stack) {
        this.url = stack.keycloakUrl();
    }

    private String token() {
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

    /** Keycloak's id of the user with this username in realm crm. */
    public String userId(String username) {
        var response = Http.send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/crm/users?exact=true&username=" + username))
                .header("Authorization", "Bearer " + token()).GET());
        return Http.json(response.body()).get(0).path("id").asText();
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
}
