package com.example.crm.loadtest;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.example.crm.loadtest.accounting.Attempts;
import com.example.crm.loadtest.accounting.MailAccounting;
import com.example.crm.loadtest.accounting.ResetNotifications;
import com.example.crm.loadtest.journey.AdminJourney;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many CRM admins at once, each signed in through Keycloak in a session of their own, browsing users and sending
 * reset links against a running dev stack; afterwards the mail server and the audit log are held against what the
 * admins were told. Three phases, one after the other:
 * <ol>
 *   <li>prepare: empty GreenMail, count the audit log;</li>
 *   <li>admins: {@code load.users} admins sign in over {@code load.ramp} seconds, then work until
 *       {@code load.duration} seconds after the last one started (or {@code load.max.visits} visits each);</li>
 *   <li>accounting: every mailbox against the "sent" notifications, and the audit log's growth.</li>
 * </ol>
 * The run stops by itself; {@code maxDuration} is the hard stop should anything hang.
 */
public class ResetLoadSimulation extends Simulation {

    private static final Duration MAIL_SETTLING = Duration.ofSeconds(5);

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final Attempts attempts = new Attempts();
    private final MailAccounting accounting = new MailAccounting(attempts);
    private final AdminJourney journey = new AdminJourney(settings,
            ResetNotifications.fromBundle(settings.messages()), attempts);
    private final AtomicLong loadStarted = new AtomicLong();
    private final AtomicLong loadEnded = new AtomicLong();

    private final HttpProtocolBuilder crm = http.baseUrl(settings.crmUrl().toString())
            .disableWarmUp()
            .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .acceptLanguageHeader("en")
            .userAgentHeader("CRM load test (Gatling)");

    private final String mailApi = settings.mailApiUrl().toString();

    private final ScenarioBuilder prepare = scenario("prepare").exec(group("accounting").on(
            exec(http("empty GreenMail").post(mailApi + "/api/mail/purge").check(status().is(200)))
                    .exec(journey.signIn())
                    .exec(AdminJourney.auditLog("audit log before", total -> {
                        accounting.auditBefore(total);
                        return "";
                    }))));

    private final ScenarioBuilder admins = scenario("admins")
            .exec(session -> {
                loadStarted.compareAndSet(0, System.currentTimeMillis());
                return session;
            })
            .exec(journey.signIn())
            .exitHereIfFailed()
            .asLongAs(session -> System.currentTimeMillis() < workUntil()
                    && (!session.contains("visit") || session.getInt("visit") < settings.maxVisits()), "visit")
            .on(journey.visit())
            .exec(session -> {
                loadEnded.accumulateAndGet(System.currentTimeMillis(), Math::max);
                return session;
            });

    private final ScenarioBuilder accountingPhase = scenario("accounting").exec(group("accounting").on(
            pause(MAIL_SETTLING)
                    .exec(http("GreenMail mailboxes").get(mailApi + "/api/user")
                            .check(jsonPath("$[*].email").findAll().optional().saveAs("inGreenMail")))
                    .exec(session -> session.set("mailboxes", accounting.mailboxesToCheck(
                            session.contains("inGreenMail") ? session.getList("inGreenMail") : List.of())))
                    .foreach("#{mailboxes}", "mailbox").on(
                            exec(http("emails of one mailbox").get(mailApi + "/api/user/#{mailbox}/messages")
                                    .check(status().in(200, 400).saveAs("mailStatus"))
                                    .check(bodyString().transformWithSession((body, session) -> accounting.checkMailbox(
                                            session.getString("mailbox"), session.getInt("mailStatus"), body)).is(""))))
                    .exec(journey.signIn())
                    .exec(AdminJourney.auditLog("audit log after", accounting::checkAudit))));

    {
        setUp(prepare.injectOpen(atOnceUsers(1))
                .andThen(admins.injectOpen(rampUsers(settings.users()).during(settings.ramp()))
                        .andThen(accountingPhase.injectOpen(atOnceUsers(1)))))
                .protocols(crm)
                .maxDuration(settings.ramp().plus(settings.duration()).plus(Duration.ofMinutes(5)))
                .assertions(global().failedRequests().count().is(0L));
    }

    /** Every admin has signed in by the end of the ramp; from then on they work together for the duration. */
    private long workUntil() {
        return loadStarted.get() + settings.ramp().plus(settings.duration()).toMillis();
    }

    @Override
    public void before() {
        try {
            Files.createDirectories(settings.output());
            Files.deleteIfExists(settings.output().resolve("accounting.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the run's parameters, its load window and the accounting for LoadReport (and docs/RELIABILITY.md). */
    @Override
    public void after() {
        double window = (loadEnded.get() - loadStarted.get()) / 1000.0;
        String text = "<!-- load window seconds: " + window + " -->\n"
                + "- Run: " + settings.users() + " admins signed in over " + settings.ramp().toSeconds()
                + " s, then working together for " + settings.duration().toSeconds() + " s (pauses "
                + settings.pauseMin().toMillis() / 1000.0 + "–" + settings.pauseMax().toMillis() / 1000.0
                + " s, Send Reset Link on " + Math.round(settings.sendShare() * 100) + " % of profile visits), against "
                + settings.crmUrl() + "; load window (first sign-in to last admin done) " + Math.round(window) + " s, ended "
                + Instant.ofEpochMilli(loadEnded.get()) + "\n"
                + accounting.summary();
        try {
            Files.writeString(settings.output().resolve("accounting.md"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
