package com.example.crm.infrastructure.keycloak;

import com.example.crm.domain.model.reset.LinkReport;
import com.example.crm.report.KeycloakEventMapping;
import com.example.crm.report.ReportType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * Keycloak's stored events that say what became of a reset link (user events), or that it was sent (admin events),
 * read as the reports the extension would have sent: the same mapping (the report contract's) and the same event ids, so a report received both ways is
 * applied once.
 */
final class StoredLinkEvents {

    static final List<String> TYPES = KeycloakEventMapping.USER_EVENT_TYPES;
    static final int MAX = 200;
    /** Every user's execute-actions-email (Keycloak reads '*' in an admin event's resource path as a wildcard). */
    static final String ANY_USERS_SEND = "users/*/execute-actions-email";

    private StoredLinkEvents() {
    }

    /**
     * The events at {@code since} or later, read page after page of {@link #MAX} from {@code page} (the offset of its
     * first event): until a page is not full, or holds only older events (Keycloak returns the newest first). An event
     * stored while paging moves the rest down by one, so a page may repeat one already read: each is applied once by id.
     */
    static <E> List<E> newestSince(Instant since, ToLongFunction<E> time, IntFunction<List<E>> page) {
        List<E> events = new ArrayList<>();
        for (int first = 0; ; first += MAX) {
            List<E> read = page.apply(first);
            List<E> recent = read.stream().filter(event -> time.applyAsLong(event) >= since.toEpochMilli()).toList();
            events.addAll(recent);
            if (read.size() < MAX || recent.isEmpty()) {
                return events;
            }
        }
    }

    /** A successful execute-actions-email (an admin event): the link went out, as a LINK_SENT report says. */
    static Optional<LinkReport> toReport(AdminEventRepresentation event) {
        if (event.getId() == null) {
            return Optional.empty();
        }
        return KeycloakEventMapping.linkSentTo(event.getOperationType(), event.getResourceType(), event.getResourcePath())
                .map(userId -> new LinkReport(event.getId(), ReportType.LINK_SENT, userId,
                        Instant.ofEpochMilli(event.getTime()), null, false));
    }

    static Optional<LinkReport> toReport(EventRepresentation event) {
        if (event.getId() == null || event.getUserId() == null) {
            return Optional.empty();
        }
        return KeycloakEventMapping.reportTypeOf(event.getType(), event.getError(), event.getDetails())
                .map(type -> new LinkReport(event.getId(), type, event.getUserId(), Instant.ofEpochMilli(event.getTime()), null, false,
                        KeycloakEventMapping.requestedByUser(event.getType())));
    }
}
