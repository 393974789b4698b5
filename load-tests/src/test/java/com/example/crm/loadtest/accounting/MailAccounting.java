package com.example.crm.loadtest.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * After the run: does the mail server hold exactly one email per "sent" notification, for each user, with no email
 * twice; and does the audit log hold every attempt the admins were told about? Mailboxes are read from GreenMail's
 * REST API ({@code GET /api/user/<email>/messages}) by the accounting scenario, and judged here.
 */
public final class MailAccounting {

    /** A reset link in an email (its text and HTML parts are quoted-printable; see {@link #decodeSoftBreaks}). */
    private static final Pattern LINK_KEY = Pattern.compile(
            "action-token\\?key=([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Attempts attempts;
    private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();
    private final Set<String> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger repeatedLinks = new AtomicInteger();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private volatile Integer auditBefore;
    private volatile Integer auditAfter;

    /** What one mailbox held, against what the notifications promised. */
    public record Mailbox(String address, int emails, int distinctLinks, int expected) {
    }

    public MailAccounting(Attempts attempts) {
        this.attempts = attempts;
    }

    /** The mailboxes to look into: those GreenMail knows, and those that "sent" notifications promise mail for. */
    public List<String> mailboxesToCheck(List<String> inGreenMail) {
        Set<String> all = new TreeSet<>(attempts.sentByMailbox().keySet());
        if (inGreenMail != null) {
            inGreenMail.forEach(address -> all.add(address.toLowerCase(Locale.ROOT)));
        }
        return new ArrayList<>(all);
    }

    /**
     * Judges one mailbox from GreenMail's answer ({@code status} 400 means nothing was ever delivered there). Returns
     * "" when it holds one email per "sent" notification and no link twice, else what is wrong.
     */
    public String checkMailbox(String address, int status, String body) {
        int expected = attempts.sentByMailbox().getOrDefault(address, 0);
        List<Set<String>> messages;
        if (status == 400) {
            messages = List.of();
        } else if (status == 200) {
            messages = linksPerMessage(body);
        } else {
            return problem(address + ": GreenMail answered " + status);
        }
        Set<String> distinct = new TreeSet<>();
        int repeated = 0;
        for (Set<String> message : messages) {
            distinct.addAll(message);
            if (message.stream().anyMatch(link -> !links.add(link))) {
                repeated++;
            }
        }
        repeatedLinks.addAndGet(repeated);
        mailboxes.put(address, new Mailbox(address, messages.size(), distinct.size(), expected));
        List<String> wrong = new ArrayList<>();
        if (messages.size() != expected) {
            Integer unknown = attempts.unknownByMailbox().get(address);
            wrong.add(messages.size() + " emails for " + expected + " \"sent\" notifications"
                    + (unknown == null ? "" : " (and " + unknown + " clicks without a known outcome)"));
        }
        if (repeated > 0) {
            wrong.add(repeated + " email(s) repeating a link already emailed");
        }
        if (messages.stream().anyMatch(Set::isEmpty)) {
            wrong.add("an email without a reset link");
        }
        return wrong.isEmpty() ? "" : problem(address + ": " + String.join(", ", wrong));
    }

    public void auditBefore(int total) {
        auditBefore = total;
    }

    /** Judges the audit log's growth over the run: one row per recorded attempt. Returns "" when it matches. */
    public String checkAudit(int total) {
        auditAfter = total;
        if (auditBefore == null) {
            return problem("the audit log was not counted before the run");
        }
        int grown = total - auditBefore;
        int expected = attempts.recordedAttempts();
        return grown == expected ? ""
                : problem("the audit log grew by " + grown + " attempts, the notifications told of " + expected);
    }

    /** Every click answered with one of the product's outcomes, mail and audit log as the notifications said. */
    public boolean accountedFor() {
        return problems.isEmpty() && auditAfter != null && attempts.unknownOutcomes() == 0
                && attempts.answers() == attempts.clicks() && mailboxes.keySet().containsAll(attempts.sentByMailbox().keySet());
    }

    public int emails() {
        return mailboxes.values().stream().mapToInt(Mailbox::emails).sum();
    }

    /** Emails beyond their mailbox's "sent" notifications. */
    public int surplusEmails() {
        return mailboxes.values().stream().mapToInt(box -> Math.max(0, box.emails() - box.expected())).sum();
    }

    /** Emails whose reset link another email already carried. */
    public int repeatedLinks() {
        return repeatedLinks.get();
    }

    /** The accounting in Markdown, for docs/RELIABILITY.md. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        Map<String, Integer> outcomes = attempts.outcomeCounts();
        int mismatched = (int) mailboxes.values().stream().filter(box -> box.emails() != box.expected()).count();
        text.append("- Send Reset Link clicks: ").append(attempts.clicks()).append(", answered: ")
                .append(attempts.answers()).append(", on ").append(attempts.usersClicked()).append(" users\n");
        text.append("- Outcomes: ");
        List<String> parts = new ArrayList<>();
        new TreeMap<>(outcomes).forEach((label, count) -> parts.add(label + " " + count));
        text.append(parts.isEmpty() ? "none" : String.join(", ", parts)).append('\n');
        text.append("- Outside the product's outcomes (no notification, another user's, no answer): ")
                .append(attempts.unknownOutcomes()).append('\n');
        text.append("- Emails in GreenMail: ").append(emails()).append(" (").append(mailboxes.size())
                .append(" mailboxes checked) for ").append(attempts.sent()).append(" \"sent\" notifications; mailboxes whose"
                        + " count differs from their users' \"sent\" notifications: ").append(mismatched)
                .append("; duplicate emails: ").append(surplusEmails()).append(" beyond the \"sent\" notifications, ")
                .append(repeatedLinks()).append(" repeating a link").append('\n');
        text.append("- Audit log: ").append(auditAfter == null || auditBefore == null ? "not counted"
                : (auditAfter - auditBefore) + " new attempts for " + attempts.recordedAttempts()
                        + " recorded outcomes (sent, not sent, hourly limit; a duplicate click records none)")
                .append('\n');
        text.append("- Verdict: ").append(accountedFor() ? "every attempt accounted for" : "NOT accounted for")
                .append('\n');
        synchronized (problems) {
            problems.stream().limit(20).forEach(problem -> text.append("  - ").append(problem).append('\n'));
        }
        return text.toString();
    }

    /** The reset links of each message in a GreenMail messages answer, one set per message. */
    static List<Set<String>> linksPerMessage(String body) {
        try {
            JsonNode messages = JSON.readTree(body);
            List<Set<String>> result = new ArrayList<>();
            for (JsonNode message : messages) {
                Set<String> keys = new TreeSet<>();
                Matcher link = LINK_KEY.matcher(decodeSoftBreaks(message.path("mimeMessage").asText()));
                while (link.find()) {
                    keys.add(link.group(1));
                }
                result.add(keys);
            }
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("GreenMail's answer is not a JSON list of messages", e);
        }
    }

    /** Undoes quoted-printable's soft line breaks and its "=3D", enough to read a link from either part. */
    static String decodeSoftBreaks(String mime) {
        return mime.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
    }

    private String problem(String problem) {
        problems.add(problem);
        return problem;
    }
}
