package com.example.crm.keycloak.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The user attribute can be edited behind the extension's back: whatever it holds, a valid link keeps working. */
class IssuedLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final ResetLinkPolicy NEWEST_ONLY = ResetLinkPolicy.DEFAULTS;

    @Test
    void valuesThatCannotBeReadAreIgnoredAndTheRestKept() {
        IssuedLinks issued = IssuedLinks.parse(Stream.of(
                "x".repeat(1_000_000),
                "{\"id\":\"a\",\"issuedAt\":1764244800}",
                "[\"a 1764244800 1764248400\"]",
                "a 1764244800",
                "a 1764244800 1764248400 extra",
                "a twelve o'clock",
                "x 99999999999999999999 1",
                "x 99999999999999999 99999999999999999",
                "x".repeat(300) + " " + epoch(NOW.minusSeconds(60)) + " " + epoch(NOW.plusSeconds(60)),
                "",
                null,
                value("valid", NOW.minusSeconds(600))), NOW);
        assertEquals(1, issued.values().size(), issued.values().toString());
        assertEquals(11, issued.ignored());
        assertEquals("valid", issued.newest().orElseThrow().id());
        assertEquals(LinkVerdict.ALLOWED, NEWEST_ONLY.judge("valid", NOW.minusSeconds(600), issued, NOW));
    }

    @Test
    void negativeOrBackwardsTimesAreIgnored() {
        IssuedLinks issued = IssuedLinks.parse(Stream.of(
                "negative -5 -1",
                "backwards " + epoch(NOW.minusSeconds(60)) + " " + epoch(NOW.minusSeconds(120)),
                "too-long " + epoch(NOW.minusSeconds(60)) + " " + epoch(NOW.plus(Duration.ofDays(30))),
                value("valid", NOW.minusSeconds(600))), NOW);
        assertEquals("valid", issued.newest().orElseThrow().id());
        assertEquals(1, issued.values().size(), issued.values().toString());
        assertEquals(3, issued.ignored());
    }

    @Test
    void anEntryDatedInTheFutureDoesNotSupersedeTheValidLink() {
        IssuedLinks issued = IssuedLinks.parse(Stream.of(value("valid", NOW.minusSeconds(600)),
                value("from-the-future", NOW.plus(Duration.ofDays(365)))), NOW);
        assertEquals(LinkVerdict.ALLOWED, NEWEST_ONLY.judge("valid", NOW.minusSeconds(600), issued, NOW));
    }

    @Test
    void aLinkJustSentIsTheNewestWhateverTheAttributeClaims() {
        IssuedLinks issued = IssuedLinks.parse(Stream.of(value("later", NOW.plusSeconds(120))), NOW)
                .with(new IssuedLinks.Link("sent-now", NOW, NOW.plus(Duration.ofHours(1))), NOW);
        assertEquals("sent-now", issued.newest().orElseThrow().id());
        assertEquals(LinkVerdict.SUPERSEDED, NEWEST_ONLY.judge("later", NOW.minusSeconds(600), issued, NOW.plusSeconds(180)));
    }

    @Test
    void thousandsOfEntriesKeepOnlyTheNewestFew() {
        IssuedLinks issued = IssuedLinks.parse(IntStream.range(0, 5000).mapToObj(i -> value("link-" + i, NOW.minusSeconds(5000 - i))), NOW)
                .with(new IssuedLinks.Link("sent-now", NOW, NOW.plus(Duration.ofHours(1))), NOW);
        assertEquals(IssuedLinks.MAX_KEPT, issued.values().size());
        assertEquals("sent-now", issued.newest().orElseThrow().id());
        assertTrue(issued.find("link-4999").isPresent());
        assertTrue(issued.find("link-0").isEmpty());
    }

    @Test
    void aRepeatedIdCountsFromItsEarliestIssue() {
        IssuedLinks issued = IssuedLinks.parse(Stream.of(value("a", NOW.minusSeconds(60)), value("a", NOW.minusSeconds(3600)),
                value("b", NOW.minusSeconds(1800))), NOW);
        assertEquals(NOW.minusSeconds(3600), issued.find("a").orElseThrow().issuedAt());
        assertEquals(1, issued.ignored());
        assertEquals("b", issued.newest().orElseThrow().id());
        assertEquals(2, issued.values().size(), issued.values().toString());
    }

    @Test
    void anEditedRecordCannotLengthenALinksLife() {
        Instant tokenIssuedAt = NOW.minus(Duration.ofHours(23));
        IssuedLinks edited = IssuedLinks.parse(Stream.of(value("a", NOW.minusSeconds(60))), NOW);
        assertEquals(tokenIssuedAt, edited.issuedAt("a", tokenIssuedAt));
        IssuedLinks recorded = IssuedLinks.parse(Stream.of(value("a", tokenIssuedAt)), NOW);
        assertEquals(tokenIssuedAt, recorded.issuedAt("a", NOW.minusSeconds(5)), "the confirmation step's re-signed token counts from the first issue");
        assertEquals(NOW.minusSeconds(5), recorded.issuedAt("unrecorded", NOW.minusSeconds(5)));
    }

    private static String value(String id, Instant issuedAt) {
        return id + " " + epoch(issuedAt) + " " + epoch(issuedAt.plus(Duration.ofHours(1)));
    }

    private static long epoch(Instant instant) {
        return instant.getEpochSecond();
    }
}
