package com.example.crm.infrastructure.metrics;

import com.example.crm.application.ResetAttempt;
import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.reset.ResetStatus;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Tag;

/** Which counter, with which tag, counts each outcome. Tag values come from enums only, never from user data. */
final class MetricTags {

    static final String RESETS_SENT = "crm.resets.sent";
    static final String RESETS_REFUSED = "crm.resets.refused";
    static final String RESETS_FAILED = "crm.resets.failed";
    static final String RATE_LIMITED = "rate_limited";

    /** A counter and its tags (none for {@link #RESETS_SENT}). */
    record Count(String name, Tag... tags) {
    }

    private MetricTags() {
    }

    /** The counter a click's outcome counts in; a repeated click (nothing recorded, nothing sent) counts nowhere. */
    static Optional<Count> of(ResetAttempt attempt) {
        if (attempt instanceof ResetAttempt.Sent) {
            return Optional.of(new Count(RESETS_SENT));
        }
        if (attempt instanceof ResetAttempt.Refused refused) {
            return Optional.of(new Count(RESETS_REFUSED, reason(refused.failure())));
        }
        if (attempt instanceof ResetAttempt.RateLimited) {
            return Optional.of(new Count(RESETS_REFUSED, new Tag("reason", RATE_LIMITED)));
        }
        if (attempt instanceof ResetAttempt.Failed failed) {
            return Optional.of(new Count(RESETS_FAILED, cause(failed.failure())));
        }
        return Optional.empty();
    }

    static Tag reason(ResetFailure failure) {
        return new Tag("reason", value(failure));
    }

    static Tag cause(ResetFailure failure) {
        return new Tag("cause", value(failure));
    }

    /** How a link ended, in the words of the admin pages: password set, expired, replaced. */
    static Tag linkOutcome(ResetStatus status) {
        switch (status) {
            case COMPLETED:
                return new Tag("outcome", "password_set");
            case EXPIRED:
                return new Tag("outcome", "expired");
            case SUPERSEDED:
                return new Tag("outcome", "replaced");
            default:
                throw new IllegalArgumentException("A link does not end as " + status);
        }
    }

    /** An enum constant as a tag value: {@code KEYCLOAK_TIMEOUT} → {@code keycloak_timeout}. */
    static String value(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
