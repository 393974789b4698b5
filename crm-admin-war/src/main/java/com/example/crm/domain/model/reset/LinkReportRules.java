package com.example.crm.domain.model.reset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How a report moves a user's requests on. A request changes only if its link still worked when the reported
 * event happened, so reports that arrive late or out of order end in what really happened first, and a
 * completed link stays completed.
 */
public final class LinkReportRules {

    /** Keycloak's and the CRM's clocks may differ a little; a report this far "before" a request can still be about it. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** Reports are about links at most this old (the 24-hour ceiling on link lifespans, plus slack). */
    public static final Duration LOOK_BACK = Duration.ofHours(25);

    private LinkReportRules() {
    }

    /**
     * @param recent the user's requests made since {@code report.occurredAt() - LOOK_BACK}, in any order
     * @return the requests whose status or expiry changed
     */
    public static List<ResetRequest> apply(LinkReport report, List<ResetRequest> recent) {
        Instant at = report.occurredAt();
        List<ResetRequest> before = recent.stream()
                .filter(request -> !request.getRequestedAt().isAfter(at.plus(CLOCK_SKEW)))
                .sorted(Comparator.comparing(ResetRequest::getRequestedAt)
                        .thenComparing(ResetRequest::getId, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<ResetRequest> changed = new ArrayList<>();
        switch (report.type()) {
            case LINK_SENT -> {
                Optional<ResetRequest> sent = before.stream()
                        .filter(request -> request.isUnconfirmed() || request.isOpen())
                        .reduce((first, second) -> second);
                if (sent.isPresent() && sent.get().isUnconfirmed()) {
                    sent.get().confirmSent(at); // Keycloak sent it, and the CRM has not recorded that (yet, or ever)
                    changed.add(sent.get());
                }
                if (report.linkExpiresAt() != null && sent.isPresent() && sent.get().applyEnforcedExpiry(report.linkExpiresAt())
                        && !changed.contains(sent.get())) {
                    changed.add(sent.get());
                }
                if (report.replacesEarlierLinks()) {
                    before.stream()
                            .filter(request -> sent.map(newer -> request.getRequestedAt().isBefore(newer.getRequestedAt()))
                                    .orElse(true))
                            .filter(request -> request.wasOpenAt(at))
                            .forEach(request -> {
                                request.markSuperseded(at);
                                changed.add(request);
                            });
                }
            }
            case PASSWORD_CHANGED -> before.stream().filter(request -> request.wasOpenAt(at))
                    .reduce((first, second) -> second)
                    .ifPresent(request -> {
                        request.markCompleted(at);
                        changed.add(request);
                    });
            case LINK_EXPIRED -> before.stream()
                    .filter(request -> request.getExpiresAt() != null && !request.getExpiresAt().isAfter(at.plus(CLOCK_SKEW)))
                    .filter(request -> request.isOpen())
                    .forEach(request -> {
                        request.markExpired(request.getExpiresAt());
                        changed.add(request);
                    });
            // By then the request is SUPERSEDED or COMPLETED already; an invalid link changes nothing.
            case LINK_SUPERSEDED, LINK_ALREADY_USED, LINK_INVALID -> { }
        }
        return changed;
    }

    /** Requests that nothing confirmed as sent within {@link ResetRequest#UNCONFIRMED_LIMIT} are closed as such. */
    public static List<ResetRequest> closeUnconfirmed(List<ResetRequest> requested, Instant now) {
        List<ResetRequest> stale = requested.stream()
                .filter(request -> request.getStatus() == ResetStatus.REQUESTED)
                .filter(request -> !request.getRequestedAt().plus(ResetRequest.UNCONFIRMED_LIMIT).isAfter(now))
                .toList();
        stale.forEach(request -> request.markUnconfirmed(now));
        return stale;
    }

    /** Open links whose time ran out by {@code now} become EXPIRED, whether or not anybody tried them. */
    public static List<ResetRequest> expire(List<ResetRequest> open, Instant now) {
        List<ResetRequest> expired = open.stream().filter(request -> request.hasRunOutBy(now)).toList();
        expired.forEach(request -> request.markExpired(request.getExpiresAt()));
        return expired;
    }
}
