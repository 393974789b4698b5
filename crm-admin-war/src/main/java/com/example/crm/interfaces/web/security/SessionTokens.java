package com.example.crm.interfaces.web.security;

import com.example.crm.infrastructure.keycloak.KeycloakSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The session's sign-in, taken over from Soteria after Keycloak's callback and renewed with Keycloak's refresh token
 * when its access token runs out, as Soteria would: an admin whom Keycloak signed out, disabled or stripped of the
 * role loses the CRM within one access-token lifespan, on whichever instance serves them.
 */
@ApplicationScoped
public class SessionTokens {

    private static final Logger LOG = Logger.getLogger(SessionTokens.class.getName());
    /** Renew this long before the access token expires, so that no request meets an expired one. */
    private static final Duration EARLY = Duration.ofSeconds(10);

    @Inject
    KeycloakSettings keycloak;

    Clock clock = Clock.systemUTC();
    private HttpClient http;

    @PostConstruct
    void start() {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(keycloak.connectTimeoutMillis())).build();
    }

    /** The caller Soteria just signed in, with the tokens of its OpenID context. */
    SignedInCaller signedIn(String name, OpenIdContext context) {
        String idToken = context.getIdentityToken().getToken();
        return new SignedInCaller(name, displayName(idToken, name), groups(context.getAccessToken().getToken(), idToken),
                idToken, context.getRefreshToken().map(token -> token.getToken()).orElse(null),
                renewAt(context.getExpiresIn().orElse(60L)));
    }

    /**
     * The caller, renewed if due. Empty when Keycloak no longer accepts the sign-in (it ended, or there is no refresh
     * token); the same caller when Keycloak cannot be reached, to be renewed on a later request.
     */
    Optional<SignedInCaller> current(SignedInCaller caller) {
        if (!caller.dueForRenewal(clock.instant())) {
            return Optional.of(caller);
        }
        if (caller.refreshToken() == null) {
            return Optional.empty();
        }
        try {
            HttpResponse<String> response = http.send(refreshRequest(caller.refreshToken()), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return Optional.of(renewed(caller, json(response.body())));
            }
            if (response.statusCode() == 400 || response.statusCode() == 401) {
                LOG.log(Level.INFO, "Keycloak ended the sign-in of {0}", caller.name());
                return Optional.empty();
            }
            LOG.log(Level.WARNING, "Keycloak answered {0} to renewing the sign-in of {1}; trying again on the next request",
                    new Object[] {response.statusCode(), caller.name()});
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Keycloak could not be reached to renew the sign-in of {0} ({1}); trying again on the next request",
                    new Object[] {caller.name(), e.getMessage()});
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.of(caller);
    }

    /** Where Keycloak ends its session too, and then sends the browser to the CRM's signed-out page. */
    URI signOutAt(SignedInCaller caller, String signedOutPage) {
        return URI.create(keycloak.issuerUri() + "/protocol/openid-connect/logout?" + form(Map.of(
                "client_id", keycloak.clientId(),
                "id_token_hint", caller.idToken(),
                "post_logout_redirect_uri", signedOutPage)));
    }

    private HttpRequest refreshRequest(String refreshToken) {
        return HttpRequest.newBuilder(URI.create(keycloak.issuerUri() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofMillis(keycloak.readTimeoutMillis()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "refresh_token",
                        "refresh_token", refreshToken,
                        "client_id", keycloak.clientId(),
                        "client_secret", keycloak.clientSecret()))))
                .build();
    }

    private SignedInCaller renewed(SignedInCaller caller, JsonObject tokens) {
        String idToken = tokens.getString("id_token", caller.idToken());
        return new SignedInCaller(caller.name(), caller.displayName(), groups(tokens.getString("access_token"), idToken),
                idToken, tokens.getString("refresh_token", caller.refreshToken()),
                renewAt(tokens.getJsonNumber("expires_in").longValue()));
    }

    private Instant renewAt(long expiresInSeconds) {
        return clock.instant().plusSeconds(expiresInSeconds).minus(EARLY);
    }

    /**
     * The realm roles, where the identity store reads them at sign-in: the access token's groups claim, else the ID
     * token's. The tokens come straight from Keycloak's token endpoint, so their claims are read without checking
     * signatures again.
     */
    static List<String> groups(String accessToken, String idToken) {
        List<String> groups = stringArray(claims(accessToken), SecurityConfiguration.GROUPS_CLAIM);
        return groups.isEmpty() ? stringArray(claims(idToken), SecurityConfiguration.GROUPS_CLAIM) : groups;
    }

    private static String displayName(String idToken, String fallback) {
        String name = claims(idToken).getString("name", "");
        return name.isBlank() ? fallback : name;
    }

    static JsonObject claims(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length < 2) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        return json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private static List<String> stringArray(JsonObject claims, String name) {
        JsonArray array = claims.containsKey(name) && claims.get(name) instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
