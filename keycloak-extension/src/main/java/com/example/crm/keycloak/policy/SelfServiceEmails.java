package com.example.crm.keycloak.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When "Forgot password?" emailed a user in the last hour, kept in one user attribute as epoch seconds (nothing else),
 * so that no address gets more than a few such emails an hour, however often someone types it.
 */
public final class SelfServiceEmails {

    /** The user attribute; like {@link IssuedLinks#ATTRIBUTE} it is not part of the user profile. */
    public static final String ATTRIBUTE = "crm-self-service-emails";

    public static final Duration WINDOW = Duration.ofHours(1);

    /** Values kept at most, whatever the limit is set to. */
    static final int MAX_KEPT = 20;

    private final List<Instant> sent;

    private SelfServiceEmails(List<Instant> sent) {
        this.sent = sent;
    }

    /** The sends within the hour before {@code now}, oldest first; values the extension could not have written are ignored. */
    public static SelfServiceEmails parse(Stream<String> values, Instant now) {
        return new SelfServiceEmails(values.map(SelfServiceEmails::epochSecond).flatMap(Optional::stream)
                .filter(at -> at.isAfter(now.minus(WINDOW)) && !at.isAfter(now.plus(Duration.ofMinutes(5))))
                .sorted().toList());
    }

    /** When another email may be sent, if {@code maxPerHour} have been sent within the hour already. */
    public Optional<Instant> limitedUntil(int maxPerHour) {
        if (sent.size() < maxPerHour) {
            return Optional.empty();
        }
        return Optional.of(sent.get(sent.size() - maxPerHour).plus(WINDOW));
    }

    /** The attribute's values with one more send at {@code now}: the newest {@link #MAX_KEPT} of the hour. */
    public List<String> with(Instant now) {
        List<Instant> all = Stream.concat(sent.stream(), Stream.of(now)).toList();
        return all.subList(Math.max(0, all.size() - MAX_KEPT), all.size()).stream()
                .map(at -> String.valueOf(at.getEpochSecond())).toList();
    }

    private static Optional<Instant> epochSecond(String value) {
        if (value == null || value.isEmpty() || value.length() > 19 || !value.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
    }
}
