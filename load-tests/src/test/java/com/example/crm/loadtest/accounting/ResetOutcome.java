package com.example.crm.loadtest.accounting;

import java.util.Set;

/**
 * What one click on Send Reset Link came to, as the admin read it in the notification.
 *
 * @param kind   which of the product's outcomes, or that the answer was none of them
 * @param reason for {@link Kind#NOT_SENT} the failure's name (as the product's bundle keys it, e.g. {@code INACTIVE});
 *               for {@link Kind#UNRECOGNISED} and {@link Kind#NO_ANSWER} what was wrong; otherwise empty
 */
public record ResetOutcome(Kind kind, String reason) {

    public enum Kind {
        /** Green: "Reset Password Instruction has been sent successfully!". One email is due. */
        SENT,
        /** Red: no link was sent, and why. No email is due. */
        NOT_SENT,
        /** Yellow: the user's hourly limit is reached. No email is due. */
        RATE_LIMITED,
        /** Yellow: a link was requested for this user a moment ago (by anyone). No email is due, no attempt recorded. */
        DUPLICATE_CLICK,
        /** The answer carried no notification of the product's, or one about another user. */
        UNRECOGNISED,
        /** No answer at all (connection failed or timed out). */
        NO_ANSWER
    }

    /**
     * Refusals that belong to the user clicked (the demo has users that are inactive, unlinked, …), not to the system
     * under load. Any other reason (mail server failed, Keycloak unreachable or slow, …) counts as an error here.
     */
    public static final Set<String> REASONS_OF_THE_USER = Set.of("NOT_LINKED", "NO_EMAIL", "INACTIVE",
            "KEYCLOAK_EMAIL_MISSING", "KEYCLOAK_USER_DISABLED", "KEYCLOAK_USER_NOT_FOUND");

    public static ResetOutcome sent() {
        return new ResetOutcome(Kind.SENT, "");
    }

    public static ResetOutcome notSent(String reason) {
        return new ResetOutcome(Kind.NOT_SENT, reason);
    }

    public static ResetOutcome rateLimited() {
        return new ResetOutcome(Kind.RATE_LIMITED, "");
    }

    public static ResetOutcome duplicateClick() {
        return new ResetOutcome(Kind.DUPLICATE_CLICK, "");
    }

    public static ResetOutcome unrecognised(String what) {
        return new ResetOutcome(Kind.UNRECOGNISED, what);
    }

    public static ResetOutcome noAnswer(String what) {
        return new ResetOutcome(Kind.NO_ANSWER, what);
    }

    /** One of the product's outcomes, and one that a healthy system gives under any load. */
    public boolean expected() {
        return switch (kind) {
            case SENT, RATE_LIMITED, DUPLICATE_CLICK -> true;
            case NOT_SENT -> REASONS_OF_THE_USER.contains(reason);
            case UNRECOGNISED, NO_ANSWER -> false;
        };
    }

    /** The CRM records this attempt in the audit log (everything but a duplicate click and a lost answer). */
    public boolean recordsAnAttempt() {
        return kind == Kind.SENT || kind == Kind.NOT_SENT || kind == Kind.RATE_LIMITED;
    }

    /** A short name that groups like outcomes, for counts and error messages: "sent", "not sent: INACTIVE", … */
    public String label() {
        return switch (kind) {
            case SENT -> "sent";
            case NOT_SENT -> "not sent: " + reason;
            case RATE_LIMITED -> "hourly limit";
            case DUPLICATE_CLICK -> "duplicate click";
            case UNRECOGNISED -> "unrecognised answer: " + reason;
            case NO_ANSWER -> "no answer: " + reason;
        };
    }
}
