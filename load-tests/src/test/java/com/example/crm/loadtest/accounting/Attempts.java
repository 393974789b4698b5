package com.example.crm.loadtest.accounting;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every Send Reset Link click of the run and what its notification said, per CRM user, with the address the user's
 * email goes to (Keycloak's, which the profile shows where it differs from the CRM's). Shared by all virtual admins.
 */
public final class Attempts {

    private final Map<Long, UserTally> users = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger clicks = new AtomicInteger();

    /** The profile of {@code userId} was opened: the CRM's address, and Keycloak's when the profile says it differs. */
    public void addresses(long userId, String crmEmail, String keycloakEmail) {
        UserTally user = tally(userId);
        if (crmEmail != null && !crmEmail.isBlank()) {
            user.crmEmail = crmEmail.strip().toLowerCase(Locale.ROOT);
        }
        if (keycloakEmail != null && !keycloakEmail.isBlank()) {
            user.keycloakEmail = keycloakEmail.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** An admin is about to click Send Reset Link for {@code userId}. */
    public void clicked(long userId) {
        clicks.incrementAndGet();
        tally(userId).clicks.incrementAndGet();
    }

    /** The click's answer said {@code outcome}. */
    public void answered(long userId, ResetOutcome outcome) {
        outcomes.computeIfAbsent(outcome.label(), label -> new AtomicInteger()).incrementAndGet();
        UserTally user = tally(userId);
        user.answers.incrementAndGet();
        if (outcome.kind() == ResetOutcome.Kind.SENT) {
            user.sent.incrementAndGet();
        }
        if (outcome.recordsAnAttempt()) {
            user.recorded.incrementAndGet();
        }
        if (outcome.kind() == ResetOutcome.Kind.NO_ANSWER || outcome.kind() == ResetOutcome.Kind.UNRECOGNISED) {
            user.unknown.incrementAndGet();
        }
    }

    public int clicks() {
        return clicks.get();
    }

    /** Clicks whose answer was read (a recognised outcome, or an unrecognised or missing one). */
    public int answers() {
        return users.values().stream().mapToInt(user -> user.answers.get()).sum();
    }

    /** Clicks that the audit log should show: sent, not sent and hourly limit (a duplicate click is not recorded). */
    public int recordedAttempts() {
        return users.values().stream().mapToInt(user -> user.recorded.get()).sum();
    }

    /** Clicks whose answer was no outcome of the product's: whether an email went out is unknown for them. */
    public int unknownOutcomes() {
        return users.values().stream().mapToInt(user -> user.unknown.get()).sum();
    }

    public int sent() {
        return users.values().stream().mapToInt(user -> user.sent.get()).sum();
    }

    /** How many clicks ended in each outcome, by label, sorted. */
    public Map<String, Integer> outcomeCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        outcomes.forEach((label, count) -> counts.put(label, count.get()));
        return counts;
    }

    /** Users who were clicked at least once. */
    public int usersClicked() {
        return (int) users.values().stream().filter(user -> user.clicks.get() > 0).count();
    }

    /** Per mailbox (the address Keycloak sends to), how many "sent" notifications its users got. */
    public Map<String, Integer> sentByMailbox() {
        Map<String, Integer> sent = new TreeMap<>();
        users.values().stream().filter(user -> user.sent.get() > 0)
                .forEach(user -> sent.merge(user.mailbox(), user.sent.get(), Integer::sum));
        return sent;
    }

    /** Mailboxes of users with a click whose outcome is unknown: their email count cannot be held against them. */
    public Map<String, Integer> unknownByMailbox() {
        Map<String, Integer> unknown = new TreeMap<>();
        users.values().stream().filter(user -> user.unknown.get() > 0)
                .forEach(user -> unknown.merge(user.mailbox(), user.unknown.get(), Integer::sum));
        return unknown;
    }

    private UserTally tally(long userId) {
        return users.computeIfAbsent(userId, id -> new UserTally());
    }

    private static final class UserTally {
        private volatile String crmEmail;
        private volatile String keycloakEmail;
        private final AtomicInteger clicks = new AtomicInteger();
        private final AtomicInteger answers = new AtomicInteger();
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger recorded = new AtomicInteger();
        private final AtomicInteger unknown = new AtomicInteger();

        /** Keycloak sends to its own address: the CRM's unless the profile said Keycloak has another. */
        String mailbox() {
            return keycloakEmail != null ? keycloakEmail : String.valueOf(crmEmail);
        }
    }
}
