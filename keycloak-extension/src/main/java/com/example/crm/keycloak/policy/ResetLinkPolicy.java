package com.example.crm.keycloak.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A realm's rules for reset links. The maximum is never above 24 hours (NIST 800-63B's ceiling for
 * email recovery links), and a link's age counts from when it was issued.
 */
public record ResetLinkPolicy(Duration defaultLifespan, Duration maxLifespan, boolean onlyNewestLink) {

    public static final String DEFAULT_LIFESPAN_MINUTES = "default-lifespan-minutes";
    public static final String MAX_LIFESPAN_MINUTES = "max-lifespan-minutes";
    public static final String ONLY_NEWEST_LINK = "only-newest-link";

    public static final Duration CEILING = Duration.ofHours(24);
    /** What a realm gets until an identity administrator saves the policy tab. */
    public static final ResetLinkPolicy DEFAULTS = new ResetLinkPolicy(Duration.ofHours(12), CEILING, true);

    /**
     * Reads the policy from its settings (the admin-console tab's values); a missing value takes its default.
     *
     * @throws IllegalArgumentException naming every value that is wrong, in words for an identity administrator
     */
    public static ResetLinkPolicy parse(Function<String, String> settings) {
        List<String> problems = new ArrayList<>();
        long defaultMinutes = minutes(settings.apply(DEFAULT_LIFESPAN_MINUTES), DEFAULTS.defaultLifespan, "Default lifespan", problems);
        long maxMinutes = minutes(settings.apply(MAX_LIFESPAN_MINUTES), DEFAULTS.maxLifespan, "Maximum lifespan", problems);
        if (problems.isEmpty() && defaultMinutes > maxMinutes) {
            problems.add("Default lifespan (" + defaultMinutes + " minutes) is longer than the maximum lifespan ("
                    + maxMinutes + " minutes).");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        String onlyNewest = settings.apply(ONLY_NEWEST_LINK);
        return new ResetLinkPolicy(Duration.ofMinutes(defaultMinutes), Duration.ofMinutes(maxMinutes),
                onlyNewest == null || onlyNewest.isBlank() ? DEFAULTS.onlyNewestLink : Boolean.parseBoolean(onlyNewest.trim()));
    }

    private static long minutes(String value, Duration fallback, String label, List<String> problems) {
        if (value == null || value.isBlank()) {
            return fallback.toMinutes();
        }
        try {
            long minutes = Long.parseLong(value.trim());
            if (minutes >= 1 && minutes <= CEILING.toMinutes()) {
                return minutes;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like a number out of range
        }
        problems.add(label + " must be a whole number of minutes from 1 to " + CEILING.toMinutes() + " (24 hours); it is \""
                + value.trim() + "\".");
        return fallback.toMinutes();
    }

    /** When a link issued at {@code issuedAt}, asking to live until {@code requestedExpiry}, really stops working. */
    public Instant enforcedExpiry(Instant issuedAt, Instant requestedExpiry) {
        Instant latest = issuedAt.plus(maxLifespan);
        return requestedExpiry.isAfter(latest) ? latest : requestedExpiry;
    }

    /**
     * The policy's verdict on a link being used now.
     *
     * @param linkId   the link's token id
     * @param issuedAt when the link was first issued (not when Keycloak re-signed it for the confirmation step)
     * @param issued   the user's recorded links
     */
    public LinkVerdict judge(String linkId, Instant issuedAt, IssuedLinks issued, Instant now) {
        if (now.isAfter(issuedAt.plus(maxLifespan))) {
            return LinkVerdict.EXPIRED;
        }
        if (onlyNewestLink && issued.newest().filter(newest -> !newest.id().equals(linkId)).isPresent()) {
            return LinkVerdict.SUPERSEDED;
        }
        return LinkVerdict.ALLOWED;
    }
}
