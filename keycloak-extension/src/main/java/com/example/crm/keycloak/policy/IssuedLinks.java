package com.example.crm.keycloak.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The reset links a user was sent in the last 24 hours, oldest first, kept in one user attribute.
 * Each value is "{@code tokenId issuedAtEpochSecond expiresAtEpochSecond}"; no link itself is stored.
 * Links older than the 24-hour ceiling are dropped: the policy rejects them by age anyway.
 */
public final class IssuedLinks {

    /** The user attribute. Keycloak's user profile leaves it alone: it is unmanaged and read-only to admins. */
    public static final String ATTRIBUTE = "crm-reset-links";

    public record Link(String id, Instant issuedAt, Instant expiresAt) {
        String value() {
            return id + " " + issuedAt.getEpochSecond() + " " + expiresAt.getEpochSecond();
        }
    }

    private final List<Link> links;

    private IssuedLinks(List<Link> links) {
        this.links = links.stream().sorted(Comparator.comparing(Link::issuedAt)).toList();
    }

    /** Reads the attribute's values; a value that does not parse is ignored rather than failing a user's reset. */
    public static IssuedLinks parse(Stream<String> values) {
        List<Link> links = new ArrayList<>();
        values.forEach(value -> {
            String[] parts = value == null ? new String[0] : value.trim().split(" ");
            if (parts.length == 3) {
                try {
                    links.add(new Link(parts[0], Instant.ofEpochSecond(Long.parseLong(parts[1])),
                            Instant.ofEpochSecond(Long.parseLong(parts[2]))));
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        });
        return new IssuedLinks(links);
    }

    /** These links plus a new one, without those issued more than 24 hours before {@code now}. */
    public IssuedLinks with(Link link, Instant now) {
        Instant horizon = now.minus(ResetLinkPolicy.CEILING);
        return new IssuedLinks(Stream.concat(links.stream().filter(l -> l.issuedAt().isAfter(horizon)), Stream.of(link)).toList());
    }

    public Optional<Link> find(String id) {
        return links.stream().filter(link -> link.id().equals(id)).findFirst();
    }

    public Optional<Link> newest() {
        return links.isEmpty() ? Optional.empty() : Optional.of(links.get(links.size() - 1));
    }

    public List<String> values() {
        return links.stream().map(Link::value).toList();
    }
}
