package com.example.crm.infrastructure.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.domain.model.reset.LinkReport;
import com.example.crm.report.ReportType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;

class StoredLinkEventsTest {

    @Test
    void readsAStoredEventAsTheReportTheExtensionSendsForIt() {
        LinkReport report = StoredLinkEvents.toReport(event("UPDATE_CREDENTIAL", null, Map.of("credential_type", "password"))).orElseThrow();
        assertEquals(new LinkReport("event-1", ReportType.PASSWORD_CHANGED, "kc-1", Instant.ofEpochMilli(1_795_780_000_000L), null, false),
                report);
        assertEquals(Optional.of(ReportType.LINK_EXPIRED), typeOf(event("EXECUTE_ACTION_TOKEN_ERROR", "expired_code", null)));
        assertEquals(Optional.of(ReportType.LINK_EXPIRED), typeOf(event("EXECUTE_ACTIONS_ERROR", "crm_link_expired", null)));
        assertEquals(Optional.of(ReportType.LINK_SUPERSEDED), typeOf(event("EXECUTE_ACTIONS_ERROR", "crm_link_superseded", null)));
        assertTrue(typeOf(event("UPDATE_CREDENTIAL", null, Map.of("credential_type", "otp"))).isEmpty());
    }

    @Test
    void aStoredForgotPasswordEmailIsALinkTheUserAskedFor() {
        LinkReport own = StoredLinkEvents.toReport(event("SEND_RESET_PASSWORD", null, Map.of())).orElseThrow();
        assertEquals(ReportType.LINK_SENT, own.type());
        assertTrue(own.isLinkTheUserAskedFor());
        assertEquals(Optional.of(ReportType.LINK_SUPERSEDED), typeOf(event("RESET_PASSWORD_ERROR", "crm_link_superseded", null)));
    }

    @Test
    void readsPageAfterPageUntilAPageIsNotFullOrHoldsOnlyOlderEvents() {
        Instant since = Instant.ofEpochMilli(10_000);
        List<Long> newestFirst = LongStream.iterate(10_000 + 2 * StoredLinkEvents.MAX + 50, time -> time - 1).limit(3L * StoredLinkEvents.MAX)
                .boxed().toList(); // 450 events from `since` on, then older ones
        List<Integer> pagesAsked = new ArrayList<>();
        List<Long> read = StoredLinkEvents.newestSince(since, time -> time, first -> {
            pagesAsked.add(first);
            return newestFirst.subList(Math.min(first, newestFirst.size()), Math.min(first + StoredLinkEvents.MAX, newestFirst.size()));
        });
        assertEquals(2 * StoredLinkEvents.MAX + 51, read.size(), "every event from `since` on, none older");
        assertEquals(List.of(0, StoredLinkEvents.MAX, 2 * StoredLinkEvents.MAX, 3 * StoredLinkEvents.MAX), pagesAsked,
                "the third page still held events from `since` on, the fourth none");

        pagesAsked.clear();
        StoredLinkEvents.newestSince(since, time -> time, first -> {
            pagesAsked.add(first);
            return List.of(20_000L, 19_000L); // not a full page: Keycloak has no more
        });
        assertEquals(List.of(0), pagesAsked);
    }

    @Test
    void skipsEventsWithoutAnIdOrAUser() {
        EventRepresentation noId = event("UPDATE_CREDENTIAL", null, Map.of("credential_type", "password"));
        noId.setId(null);
        EventRepresentation noUser = event("UPDATE_CREDENTIAL", null, Map.of("credential_type", "password"));
        noUser.setUserId(null);
        assertTrue(StoredLinkEvents.toReport(noId).isEmpty());
        assertTrue(StoredLinkEvents.toReport(noUser).isEmpty());
    }

    private static Optional<ReportType> typeOf(EventRepresentation event) {
        return StoredLinkEvents.toReport(event).map(LinkReport::type);
    }

    private static EventRepresentation event(String type, String error, Map<String, String> details) {
        EventRepresentation event = new EventRepresentation();
        event.setId("event-1");
        event.setType(type);
        event.setUserId("kc-1");
        event.setTime(1_795_780_000_000L);
        event.setError(error);
        event.setDetails(details);
        return event;
    }
}
