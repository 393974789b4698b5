package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.DemoUsers;
import com.example.crm.systemtest.support.DemoUsers.DemoUser;
import com.example.crm.systemtest.support.Mailbox;
import com.example.crm.systemtest.support.PageText;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SignedInSession;
import com.example.crm.systemtest.support.SystemTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Several admins at work at once, each signed in through Keycloak in a session of their own: every page and every
 * click answers exactly as it does for one admin alone (no "Access denied", no error page, no sign-in page).
 */
@SystemTest
class ManyAdminsTest {

    private static final int ADMINS = 5;
    private static final Duration BROWSING = Duration.ofSeconds(30);
    private static final String SUCCESS = "Reset Password Instruction has been sent successfully!";

    @Test
    void adminsBrowsingAtOnceAlwaysGetThePageTheyAskedFor(RunningStack stack) throws Exception {
        List<SignedInSession> admins = signIn(stack, ADMINS);
        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger requests = new AtomicInteger();

        runTogether(admins, admin -> () -> browse(admin, pages(stack), Instant.now().plus(BROWSING), requests, wrong));

        assertTrue(wrong.isEmpty(), wrong.size() + " of " + requests + " pages were not what the admin asked for, e.g. "
                + wrong.stream().limit(5).toList());
        assertTrue(requests.get() >= 100, "only " + requests + " pages loaded in " + BROWSING);
    }

    @Test
    void adminsClickingSendResetLinkAtOnceEachGetTheirNotificationAndEachUserOneEmail(RunningStack stack)
            throws Exception {
        Map<String, DemoUser> demo = DemoUsers.of(stack);
        List<List<DemoUser>> rounds = List.of(
                users(demo, "isabella.martinez", "amelia.thomas", "henry.taylor", "theodore.jackson", "evelyn.martin"),
                users(demo, "abigail.perez", "levi.thompson", "emily.white", "ella.sanchez", "elizabeth.ramirez"));
        List<SignedInSession> admins = signIn(stack, ADMINS);
        List<SignedInSession> browsing = signIn(stack, ADMINS);
        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger requests = new AtomicInteger();
        ExecutorService background = Executors.newFixedThreadPool(ADMINS);
        Instant browseUntil = Instant.now().plus(BROWSING);
        for (SignedInSession other : browsing) { // other admins load pages meanwhile
            background.submit(() -> browse(other, pages(stack), browseUntil, requests, wrong));
        }

        try {
            for (List<DemoUser> round : rounds) {
                CyclicBarrier together = new CyclicBarrier(ADMINS);
                List<String> answers = runTogether(admins, admin -> () -> {
                    DemoUser user = round.get(admins.indexOf(admin));
                    HttpResponse<String> profile = admin.get("/settings/users/profile.xhtml?id=" + user.id());
                    together.await(); // every admin clicks at the same moment
                    HttpResponse<String> click = admin.click(profile, "profile-form", "profile-form:send-reset-link",
                            "profile-form:profile");
                    return user.username() + " " + click.statusCode() + " " + click.body();
                });
                for (String answer : answers) {
                    assertTrue(answer.contains(SUCCESS), "no success notification: " + PageText.gist(answer));
                }
            }
        } finally {
            background.shutdownNow();
        }

        Mailbox mail = new Mailbox(stack);
        for (List<DemoUser> round : rounds) {
            for (DemoUser user : round) {
                mail.awaitMessage(user.email(), 1, Duration.ofSeconds(30));
            }
        }
        Thread.sleep(2000); // a second email would have arrived by now
        for (List<DemoUser> round : rounds) {
            for (DemoUser user : round) {
                assertEquals(1, mail.messagesFor(user.email()).size(), "emails to " + user.email());
            }
        }
        assertTrue(wrong.isEmpty(), "meanwhile " + wrong.size() + " of " + requests + " pages went wrong, e.g. "
                + wrong.stream().limit(5).toList());
    }

    @Test
    void oneAdminOpeningManyPagesAtOnceGetsEveryPage(RunningStack stack) throws Exception {
        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");
        List<DemoUser> profiles = DemoUsers.of(stack).values().stream()
                .filter(u -> u.fullName().matches("[A-Za-z ]+")).limit(40).toList();
        ExecutorService tabs = Executors.newFixedThreadPool(profiles.size());
        try {
            List<Future<String>> pages = new ArrayList<>();
            for (DemoUser user : profiles) {
                pages.add(tabs.submit(() -> {
                    HttpResponse<String> page = admin.get("/settings/users/profile.xhtml?id=" + user.id());
                    boolean right = page.statusCode() == 200
                            && page.body().contains("id=\"profile-name\">" + user.fullName() + "<");
                    return right ? null : user.username() + " " + page.statusCode() + " " + PageText.gist(page.body());
                }));
            }
            for (Future<String> page : pages) {
                String wrong = page.get();
                assertEquals(null, wrong, "a profile opened in parallel was not that user's profile");
            }
        } finally {
            tabs.shutdownNow();
        }
    }

    @Test
    void aClickOnAPageTheSessionNoLongerHoldsSaysSoAndSendsNothing(RunningStack stack) throws Exception {
        DemoUser camila = DemoUsers.of(stack).get("camila.robinson");
        SignedInSession admin = SignedInSession.signIn(stack, "admin", "admin");
        HttpResponse<String> oldTab = admin.get("/settings/users/profile.xhtml?id=" + camila.id());
        for (int i = 0; i < 40; i++) { // many pages opened since: the session keeps only the newest
            assertEquals(200, admin.get("/settings/users/profile.xhtml?id=3").statusCode());
        }

        HttpResponse<String> click = admin.click(oldTab, "profile-form", "profile-form:send-reset-link",
                "profile-form:profile");

        assertTrue(click.body().contains("This page is out of date") && click.body().contains("Nothing was sent"),
                PageText.gist(click.body()));
        Thread.sleep(2000);
        assertEquals(0, new Mailbox(stack).messagesFor(camila.email()).size(), "emails to " + camila.email());
    }

    /** Loads pages one after another until the deadline, noting each answer that is not the page asked for. */
    private static Void browse(SignedInSession admin, Map<String, Predicate<String>> pages, Instant until,
            AtomicInteger requests, Queue<String> wrong) {
        while (Instant.now().isBefore(until) && !Thread.currentThread().isInterrupted()) {
            for (var page : pages.entrySet()) {
                HttpResponse<String> response = admin.get(page.getKey());
                requests.incrementAndGet();
                if (response.statusCode() != 200 || !page.getValue().test(response.body())) {
                    wrong.add(page.getKey() + " → " + response.statusCode() + " " + PageText.gist(response.body()));
                }
            }
        }
        return null;
    }

    /** Each page and how to know it is that page (the 403 page, an error page or Keycloak's sign-in is not). */
    private static Map<String, Predicate<String>> pages(RunningStack stack) {
        return Map.of(
                "/settings/users/", body -> body.contains("<h1>Users</h1>"),
                "/settings/users/profile.xhtml?id=3", body -> body.contains("id=\"profile-name\">Liam Smith<"),
                "/settings/audit/", body -> body.contains("<h1>Audit log</h1>"),
                "/settings/", body -> body.contains("<h1>Settings</h1>"));
    }

    private static List<SignedInSession> signIn(RunningStack stack, int count) {
        List<SignedInSession> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sessions.add(SignedInSession.signIn(stack, "admin", "admin"));
        }
        return sessions;
    }

    private static List<DemoUser> users(Map<String, DemoUser> demo, String... usernames) {
        return Arrays.stream(usernames).map(demo::get).toList();
    }

    /** Runs one task per admin, all at once, and returns their results in the admins' order. */
    private static <T> List<T> runTogether(List<SignedInSession> admins,
            Function<SignedInSession, Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(admins.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (SignedInSession admin : admins) {
                futures.add(pool.submit(task.apply(admin)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
