package com.example.crm.infrastructure.keycloak;

import com.example.crm.application.KeycloakAccounts;
import com.example.crm.application.KeycloakCallException;
import com.example.crm.domain.model.reset.LinkReport;
import com.example.crm.infrastructure.metrics.CrmMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jboss.resteasy.client.jaxrs.ResteasyClient;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Keycloak's admin API through keycloak-admin-client, signed in as the CRM's service account.
 * One client for the application: its token is cached and refreshed by the admin client, not fetched per click.
 */
@ApplicationScoped
public class KeycloakAccountsClient implements KeycloakAccounts {

    static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    static final String PASSWORD = "password";

    @Inject
    KeycloakSettings settings;

    @Inject
    CrmMetrics metrics;

    private ResteasyClient http;
    private Keycloak keycloak;
    private WebTarget users;

    @PostConstruct
    void connect() {
        // RESTEasy's builder, not ClientBuilder.newBuilder(): on Payara that would return Jersey,
        // which the admin client's proxies do not work with.
        http = new ResteasyClientBuilderImpl()
                .connectTimeout(settings.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeoutMillis(), TimeUnit.MILLISECONDS)
                .connectionPoolSize(20)
                // A pool exhausted by a slow Keycloak answers "unreachable" in time instead of hanging the click.
                .connectionCheckoutTimeout(settings.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                .register(new JacksonProvider(), 100)
                .build();
        keycloak = KeycloakBuilder.builder()
                .serverUrl(settings.adminUrl())
                .realm(settings.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .resteasyClient(http)
                .build();
        users = http.target(settings.adminUrl()).path("admin/realms").path(settings.realm()).path("users");
    }

    @PreDestroy
    void disconnect() {
        keycloak.close();
    }

    /**
     * The admin client's own {@code realm(..).users().get(id).executeActionsEmail(...)} builds three resource proxies per
     * call, most of the CRM's CPU time in the Keycloak call (docs/PERFORMANCE.md): the same request goes out on a target
     * built once, with the admin client's cached token.
     */
    @Override
    public void sendPasswordReset(String keycloakId, Duration lifespan) {
        calling("send_reset_email", () -> {
            Response response = users.path(keycloakId).path("execute-actions-email")
                    .queryParam("client_id", settings.clientId())
                    .queryParam("redirect_uri", settings.crmBaseUrl() + "/")
                    .queryParam("lifespan", lifespan.toSeconds())
                    .request()
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + keycloak.tokenManager().getAccessTokenString())
                    .put(Entity.json(List.of(UPDATE_PASSWORD)));
            if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                throw new WebApplicationException(response); // read below for Keycloak's words
            }
            response.close();
            return null;
        });
    }

    @Override
    public List<LinkReport> linkEventsSince(String keycloakId, Instant since) {
        return linkEvents("users/" + keycloakId + "/execute-actions-email", keycloakId, since);
    }

    @Override
    public List<LinkReport> linkEventsOfAllUsersSince(Instant since) {
        return linkEvents(StoredLinkEvents.ANY_USERS_SEND, null, since);
    }

    /** Links sent (admin events on {@code sendPath}) and what became of them (the user events of {@code userId}, or all). */
    private List<LinkReport> linkEvents(String sendPath, String userId, Instant since) {
        // Keycloak filters by day; the exact time is filtered here.
        String day = since.atZone(ZoneOffset.UTC).toLocalDate().toString();
        return calling("read_events", () -> {
            RealmResource realm = keycloak.realm(settings.realm());
            Stream<LinkReport> sent = StoredLinkEvents.newestSince(since, AdminEventRepresentation::getTime,
                    first -> realm.getAdminEvents(List.of("ACTION"), null, null, null, null, sendPath, day, null, first,
                            StoredLinkEvents.MAX)).stream()
                    .flatMap(event -> StoredLinkEvents.toReport(event).stream());
            Stream<LinkReport> used = StoredLinkEvents.newestSince(since, EventRepresentation::getTime,
                    first -> realm.getEvents(StoredLinkEvents.TYPES, null, userId, day, null, null, first,
                            StoredLinkEvents.MAX)).stream()
                    .flatMap(event -> StoredLinkEvents.toReport(event).stream());
            return Stream.concat(sent, used).sorted(Comparator.comparing(LinkReport::occurredAt)).toList();
        });
    }

    @Override
    public Optional<String> emailOf(String keycloakId) {
        String email = calling("read_user", () -> keycloak.realm(settings.realm()).users().get(keycloakId).toRepresentation().getEmail());
        return Optional.ofNullable(email).filter(address -> !address.isBlank());
    }

    @Override
    public void changeEmail(String keycloakId, String email) {
        calling("update_user", () -> {
            UserResource user = keycloak.realm(settings.realm()).users().get(keycloakId);
            UserRepresentation account = user.toRepresentation();
            account.setEmail(email);
            account.setEmailVerified(false); // the next reset link the user opens verifies it
            user.update(account);
            return null;
        });
    }

    @Override
    public void removePassword(String keycloakId) {
        calling("remove_password", () -> {
            UserResource user = keycloak.realm(settings.realm()).users().get(keycloakId);
            user.credentials().stream()
                    .filter(credential -> PASSWORD.equals(credential.getType()))
                    .forEach(password -> user.removeCredential(password.getId()));
            return null;
        });
    }

    @Override
    public void endSessions(String keycloakId) {
        calling("end_sessions", () -> {
            keycloak.realm(settings.realm()).users().get(keycloakId).logout();
            return null;
        });
    }

    /**
     * Makes one call to Keycloak's admin API, timed as {@code operation}; what went wrong comes back as the CRM's failure,
     * with Keycloak's words.
     */
    private <T> T calling(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } catch (WebApplicationException e) {
            String message = KeycloakErrors.messageOf(bodyOf(e.getResponse()));
            throw new KeycloakCallException(KeycloakErrors.fromStatus(e.getResponse().getStatus(), message), message, e);
        } catch (ProcessingException e) {
            throw new KeycloakCallException(KeycloakErrors.fromTransport(e), null, e);
        } finally {
            metrics.keycloakCall(operation, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static String bodyOf(Response response) {
        try {
            response.bufferEntity();
            return response.readEntity(String.class);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
