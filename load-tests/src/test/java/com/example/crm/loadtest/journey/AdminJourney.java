package com.example.crm.loadtest.journey;

import static com.example.crm.loadtest.journey.FacesPages.PROFILE_LINK;
import static com.example.crm.loadtest.journey.FacesPages.TABLE_TOTAL;
import static com.example.crm.loadtest.journey.FacesPages.VIEW_STATE;
import static com.example.crm.loadtest.journey.FacesPages.ajax;
import static com.example.crm.loadtest.journey.FacesPages.formAction;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.example.crm.loadtest.LoadSettings;
import com.example.crm.loadtest.accounting.Attempts;
import com.example.crm.loadtest.accounting.ResetNotifications;
import com.example.crm.loadtest.accounting.ResetOutcome;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * One CRM admin at work, as a person does it in a browser: signs in on Keycloak's form, then visits users one after
 * another (the users list, a search as they type, a profile, now and then Send Reset Link and the audit log), with a
 * pause to read between pages. Every request checks that the answer is the page or the update asked for.
 */
public final class AdminJourney {

    /** What admins type into the users search: names, parts of names, domains. */
    private static final List<String> SEARCH_TERMS = List.of("smith", "field", "example.com", "lee", "an", "ma", "son",
            "ri", "el", "jo", "mi", "er", "ha", "gmial", "mismatch", "no");
    private static final String PROBLEM_FREE = "one of the product's outcomes";

    private final LoadSettings settings;
    private final ResetNotifications notifications;
    private final Attempts attempts;

    public AdminJourney(LoadSettings settings, ResetNotifications notifications, Attempts attempts) {
        this.settings = settings;
        this.notifications = notifications;
        this.attempts = attempts;
    }

    /**
     * Signs in as a browser does: the CRM sends it to Keycloak's sign-in page, it posts the form there, and Keycloak
     * sends it back to the CRM with a code. Ends on a CRM page that names the signed-in admin.
     */
    public ChainBuilder signIn() {
        return group("sign in").on(
                exec(http("open the CRM").get("/settings/users/").disableFollowRedirect()
                        .check(status().is(302))
                        .check(header("Location").transform(AdminJourney::requireLoopback).saveAs("keycloakSignIn")))
                .exec(http("Keycloak sign-in page").get("#{keycloakSignIn}")
                        .check(regex(formAction("kc-form-login")).transform(FacesPages::unescapeHtml).saveAs("signInAction"))
                        .check(headerRegex("Set-Cookie", "AUTH_SESSION_ID=([^;]+)").saveAs("authSessionId")))
                // Keycloak marks its cookies Secure; browsers still send them to http://localhost, but Gatling's
                // cookie jar does not. The form's post needs the sign-in session's cookie, so it goes in again without
                // the flag (Keycloak and the CRM share the host name in the dev stack; cookies ignore ports).
                .exec(addCookie(Cookie("AUTH_SESSION_ID", "#{authSessionId}")
                        .withDomain(settings.crmUrl().getHost()).withPath("/realms/").withSecure(false)))
                .exec(http("post credentials").post("#{signInAction}")
                        .formParam("username", settings.adminUsername())
                        .formParam("password", settings.adminPassword())
                        .formParam("credentialId", "")
                        .check(substring("id=\"signed-in-as\"").exists())));
    }

    /**
     * One visit: the users list, a search, a user's profile (whose page then compares the address with Keycloak's,
     * as the browser does on load), and, by chance, Send Reset Link and the audit log. A visit whose page was wrong
     * stops there; the next one starts again from the list.
     */
    public ChainBuilder visit() {
        return exec(session -> session.markAsSucceeded().removeAll("foundIds", "keycloakEmail", "clickAnswer"))
                .exitBlockOnFail().on(browseToAProfile())
                .doIf(session -> !session.isFailed() && session.getBoolean("sendNow")).then(sendResetLink())
                .doIf(session -> !session.isFailed() && session.getBoolean("auditNow")).then(
                        exec(auditLog("audit log")).exec(think()));
    }

    /** The audit log page. */
    public static HttpRequestActionBuilder auditLog(String name) {
        return http(name).get("/settings/audit/").check(substring("<h1>Audit log</h1>").exists());
    }

    /** The audit log page, whose total of attempts {@code judge} checks: "" when right, else what is wrong. */
    public static HttpRequestActionBuilder auditLog(String name, Function<Integer, String> judge) {
        return auditLog(name).check(regex(TABLE_TOTAL).transform(total -> judge.apply(Integer.valueOf(total))).is(""));
    }

    private ChainBuilder browseToAProfile() {
        String origin = settings.crmOrigin();
        return exec(http("users list").get("/settings/users/")
                        .check(substring("<h1>Users</h1>").exists())
                        .check(regex(formAction("users-form")).transform(FacesPages::unescapeHtml).saveAs("usersAction"))
                        .check(regex(VIEW_STATE).transform(FacesPages::unescapeHtml).saveAs("viewState")))
                .exec(think())
                .exec(session -> session.set("term", pick(SEARCH_TERMS)))
                .exec(ajax("search users", origin + "#{usersAction}", "users-form", "users-form:search",
                                "users-form:users users-form:bulk-bar")
                        .formParam("jakarta.faces.behavior.event", "keyup")
                        .formParam("jakarta.faces.partial.event", "keyup")
                        .formParam("users-form:search", "#{term}")
                        .check(substring("<update id=\"users-form:users\"").exists())
                        .check(regex(PROFILE_LINK).findAll().optional().saveAs("foundIds")))
                .exec(think())
                .exec(this::chooseUserAndPlans)
                .exec(http("profile").get("/settings/users/profile.xhtml?id=#{userId}")
                        .check(regex("id=\"profile-name\">([^<]*)<").transform(FacesPages::unescapeHtml).saveAs("userName"))
                        .check(regex(formAction("profile-form")).transform(FacesPages::unescapeHtml).saveAs("profileAction"))
                        .check(regex(VIEW_STATE).transform(FacesPages::unescapeHtml).saveAs("viewState"))
                        .check(regex("id=\"profile-email\">([^<]*)<").transform(String::strip).saveAs("crmEmail"))
                        .check(regex("PrimeFaces\\.ab\\(\\{s:\"([^\"]+)\",f:\"profile-form\",p:\"[^\"]+\",u:\"profile-form:email-check\"")
                                .saveAs("emailCheck")))
                .exec(ajax("profile: compare address with Keycloak", origin + "#{profileAction}", "profile-form",
                                "#{emailCheck}", "profile-form:email-check")
                        .formParam("#{emailCheck}", "#{emailCheck}")
                        .check(regex("Keycloak has (\\S+@\\S+) for this account").optional().saveAs("keycloakEmail")))
                .exec(session -> {
                    attempts.addresses(session.getLong("userId"), session.getString("crmEmail"),
                            session.contains("keycloakEmail") ? session.getString("keycloakEmail") : null);
                    return session;
                })
                .exec(think());
    }

    /**
     * Clicks More → Send Reset Link on the profile. The notification must be one of the product's outcomes about this
     * user; each click and its outcome go into the ledger that the accounting checks against the mail server.
     */
    private ChainBuilder sendResetLink() {
        return exec(session -> {
                    attempts.clicked(session.getLong("userId"));
                    return session;
                })
                .exec(ajax("send reset link", settings.crmOrigin() + "#{profileAction}", "profile-form",
                                "profile-form:send-reset-link", "profile-form:profile")
                        .formParam("profile-form:send-reset-link", "profile-form:send-reset-link")
                        .check(bodyString().saveAs("clickAnswer"))
                        .check(bodyString().transformWithSession((body, session) -> {
                            ResetOutcome outcome = notifications.read(body, session.getString("userName"));
                            return outcome.expected() ? PROBLEM_FREE : outcome.label();
                        }).is(PROBLEM_FREE)))
                .exec(session -> {
                    String answer = session.contains("clickAnswer") ? session.getString("clickAnswer") : null;
                    attempts.answered(session.getLong("userId"), notifications.read(answer, session.getString("userName")));
                    return session;
                })
                .exec(think());
    }

    /** The next user: one the search found (half the time, when it found any), or any demo profile id. */
    private Session chooseUserAndPlans(Session session) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> found = session.contains("foundIds") ? session.getList("foundIds") : List.of();
        long userId = !found.isEmpty() && random.nextBoolean()
                ? Long.parseLong(pick(found))
                : random.nextLong(1, settings.maxProfileId() + 1L);
        return session.set("userId", userId)
                .set("sendNow", random.nextDouble() < settings.sendShare())
                .set("auditNow", random.nextDouble() < 0.25);
    }

    private ChainBuilder think() {
        return pause(settings.pauseMin(), settings.pauseMax());
    }

    private static <T> T pick(List<T> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    /** The CRM may only send the load test to a server on this machine. */
    private static String requireLoopback(String location) {
        if (!LoadSettings.isLoopback(URI.create(location))) {
            throw new IllegalStateException("the CRM sent the sign-in off this machine: " + location);
        }
        return location;
    }
}
