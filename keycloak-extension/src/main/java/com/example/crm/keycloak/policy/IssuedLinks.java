package com.example.crm.keycloak.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The reset links a user was sent in the last 24 hours, oldest first, kept in one user attribute.
 * Each value is "{@code tokenId issuedAtEpochSecond expiresAtEpochSecond}"; no link itself is stored.
 * Links older than the 24-hour ceiling are dropped: the policy rejects them by age anyway.
 * The attribute can be edited behind the extension's back, so only values it could have written are read,
 * and no more than {@link #MAX_KEPT} are kept.
 */
public final class IssuedLinks {

    /** The user attribute. Keycloak's user profile leaves it alone: it is unmanaged and read-only to admins. */
    public static final String ATTRIBUTE = "crm-reset-links";

    /** Links kept per user. The CRM sends 5 an hour by default; a link no longer kept is judged by its token's time. */
    public static final int MAX_KEPT = 20;

    /** Token ids are UUIDs (36 characters): a longer id, or value, was not written by the extension. */
    private static final int MAX_ID_LENGTH = 128;
    /** An id, two epoch seconds (at most 20 characters each) and two spaces. */
    private static final int MAX_VALUE_LENGTH = MAX_ID_LENGTH + 2 * 20 + 2;

    /** How far ahead of this node's clock another Keycloak node may have recorded a link. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public record Link(String id, Instant issuedAt, Instant expiresAt) {
        String value() {
            return id + " " + issuedAt.getEpochSecond() + " " + expiresAt.getEpochSecond();
        }
    }

    private final List<Link> links;
    private final int ignored;

    private IssuedLinks(List<Link> links, int ignored) {
        this.links = links;
        this.ignored = ignored;
    }

    /** Oldest first (a link issued in the same second as another stays after it), the newest {@link #MAX_KEPT} only. */
    private static List<Link> newestKept(Stream<Link> links) {
        List<Link> sorted = links.sorted(Comparator.comparing(Link::issuedAt)).toList();
        return List.copyOf(sorted.subList(Math.max(0, sorted.size() - MAX_KEPT), sorted.size()));
    }

    /**
     * Reads the attribute's values. A value the extension could not have written (malformed, too long, a time out of
     * range, a repeated id: the earliest issue counts) is ignored rather than failing a user's reset, and counted.
     */
    public static IssuedLinks parse(Stream<String> values, Instant now) {
        Map<String, Link> byId = new LinkedHashMap<>();
        int unreadable = 0;
        for (String value : values.toList()) {
            Optional<Link> link = read(value, now);
            Link earlier = link.map(l -> byId.get(l.id())).orElse(null);
            if (link.isEmpty() || earlier != null) {
                unreadable++;
            }
            if (link.isPresent() && (earlier == null || link.get().issuedAt().isBefore(earlier.issuedAt()))) {
                byId.put(link.get().id(), link.get());
            }
        }
        List<Link> kept = newestKept(byId.values().stream());
        return new IssuedLinks(kept, unreadable + byId.size() - kept.size());
    }

    private static Optional<Link> read(String value, Instant now) {
        if (value == null || value.length() > MAX_VALUE_LENGTH) {
            return Optional.empty();
        }
        String[] parts = value.trim().split(" ");
        if (parts.length != 3 || parts[0].isEmpty() || parts[0].length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        try {
            long issuedAt = Long.parseLong(parts[1]);
            long expiresAt = Long.parseLong(parts[2]);
            // As the email provider records them: issued by now, expiring after that but within the 24-hour ceiling.
            if (issuedAt < 0 || issuedAt > now.plus(CLOCK_SKEW).getEpochSecond()
                    || expiresAt < issuedAt || expiresAt - issuedAt > ResetLinkPolicy.CEILING.toSeconds()) {
                return Optional.empty();
            }
            return Optional.of(new Link(parts[0], Instant.ofEpochSecond(issuedAt), Instant.ofEpochSecond(expiresAt)));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    /**
     * These links plus one just sent, which is the newest whatever the others claim: without those issued more than
     * 24 hours before {@code now} or after the new one (an edit, or a node whose clock runs ahead), and at most
     * {@link #MAX_KEPT}.
     */
    public IssuedLinks with(Link link, Instant now) {
        Instant horizon = now.minus(ResetLinkPolicy.CEILING);
        return new IssuedLinks(newestKept(Stream.concat(links.stream().filter(l -> l.issuedAt().isAfter(horizon)
                && !l.issuedAt().isAfter(link.issuedAt()) && !l.id().equals(link.id())), Stream.of(link))), 0);
    }

    public Optional<Link> find(String id) {
        return links.stream().filter(link -> link.id().equals(id)).findFirst();
    }

    /**
     * When the link with this id was first issued: the recorded time, as Keycloak re-signs the token for the
     * confirmation step with a new one; but never later than the token's, so that an edited record cannot lengthen a
     * link's life.
     */
    public Instant issuedAt(String id, Instant tokenIssuedAt) {
        return find(id).map(Link::issuedAt).filter(recorded -> recorded.isBefore(tokenIssuedAt)).orElse(tokenIssuedAt);
    }

    public Optional<Link> newest() {
        return links.isEmpty() ? Optional.empty() : Optional.of(links.get(links.size() - 1));
    }

    /** Values read but not kept: not written by the extension, repeated, or beyond the {@link #MAX_KEPT} newest. */
    public int ignored() {
        return ignored;
    }

    public List<String> values() {
        return links.stream().map(Link::value).toList();
    }
}
