package com.example.crm.keycloak.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ResetLinkPolicyTest {

    private static final Instant SENT = Instant.parse("2026-11-27T10:00:00Z");
    private static final ResetLinkPolicy ONE_HOUR_NEWEST_ONLY = new ResetLinkPolicy(Duration.ofMinutes(30), Duration.ofHours(1), true);

    @Test
    void missingSettingsTakeTheDefaults() {
        ResetLinkPolicy policy = ResetLinkPolicy.parse(Map.<String, String>of()::get);
        assertEquals(ResetLinkPolicy.DEFAULTS, policy);
        assertEquals(Duration.ofHours(12), policy.defaultLifespan());
        assertEquals(Duration.ofHours(24), policy.maxLifespan());
        assertTrue(policy.onlyNewestLink());
    }

    @Test
    void readsTheTabsValues() {
        ResetLinkPolicy policy = ResetLinkPolicy.parse(Map.of("default-lifespan-minutes", "60",
                "max-lifespan-minutes", " 120 ", "only-newest-link", "false")::get);
        assertEquals(new ResetLinkPolicy(Duration.ofHours(1), Duration.ofHours(2), false), policy);
    }

    @Test
    void refusesAMaximumAbove24HoursAndNamesEveryProblem() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> ResetLinkPolicy.parse(
                Map.of("default-lifespan-minutes", "soon", "max-lifespan-minutes", "1441")::get));
        assertTrue(wrong.getMessage().contains("Default lifespan must be a whole number of minutes from 1 to 1440"), wrong.getMessage());
        assertTrue(wrong.getMessage().contains("Maximum lifespan must be a whole number of minutes from 1 to 1440 (24 hours); it is \"1441\"."),
                wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ResetLinkPolicy.parse(Map.of("max-lifespan-minutes", "0")::get));
    }

    @Test
    void refusesADefaultLongerThanTheMaximum() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> ResetLinkPolicy.parse(
                Map.of("default-lifespan-minutes", "90", "max-lifespan-minutes", "60")::get));
        assertEquals("Default lifespan (90 minutes) is longer than the maximum lifespan (60 minutes).", wrong.getMessage());
    }

    @Test
    void aRequestedLifespanAboveTheMaximumIsCutToTheMaximum() {
        assertEquals(SENT.plus(Duration.ofHours(1)), ONE_HOUR_NEWEST_ONLY.enforcedExpiry(SENT, SENT.plus(Duration.ofDays(30))));
        assertEquals(SENT.plus(Duration.ofMinutes(10)), ONE_HOUR_NEWEST_ONLY.enforcedExpiry(SENT, SENT.plus(Duration.ofMinutes(10))));
    }

    @Test
    void aLinkOlderThanTheMaximumIsExpiredWhateverItAskedFor() {
        IssuedLinks issued = IssuedLinks.parse(Stream.of("a " + SENT.getEpochSecond() + " " + SENT.plus(Duration.ofDays(30)).getEpochSecond()), SENT);
        assertEquals(LinkVerdict.ALLOWED, ONE_HOUR_NEWEST_ONLY.judge("a", SENT, issued, SENT.plus(Duration.ofMinutes(59))));
        assertEquals(LinkVerdict.ALLOWED, ONE_HOUR_NEWEST_ONLY.judge("a", SENT, issued, SENT.plus(Duration.ofHours(1))));
        assertEquals(LinkVerdict.EXPIRED, ONE_HOUR_NEWEST_ONLY.judge("a", SENT, issued, SENT.plus(Duration.ofHours(1)).plusSeconds(1)));
    }

    @Test
    void withOnlyTheNewestLinkAnOlderLinkIsSuperseded() {
        Instant later = SENT.plusSeconds(300);
        Instant now = later.plusSeconds(60);
        IssuedLinks issued = IssuedLinks.parse(Stream.of(link("new", later), link("old", SENT)), now);
        assertEquals(LinkVerdict.SUPERSEDED, ONE_HOUR_NEWEST_ONLY.judge("old", SENT, issued, now));
        assertEquals(LinkVerdict.ALLOWED, ONE_HOUR_NEWEST_ONLY.judge("new", later, issued, now));
        assertEquals(LinkVerdict.SUPERSEDED, ONE_HOUR_NEWEST_ONLY.judge("sent-before-the-extension", SENT, issued, now));

        ResetLinkPolicy everyLinkWorks = new ResetLinkPolicy(Duration.ofMinutes(30), Duration.ofHours(1), false);
        assertEquals(LinkVerdict.ALLOWED, everyLinkWorks.judge("old", SENT, issued, now));
    }

    @Test
    void aUserWithNoRecordedLinkIsJudgedByAgeAlone() {
        assertEquals(LinkVerdict.ALLOWED, ONE_HOUR_NEWEST_ONLY.judge("any", SENT, IssuedLinks.parse(Stream.empty(), SENT), SENT.plusSeconds(60)));
    }

    @Test
    void issuedLinksKeepTheLast24HoursAndTheNewestLast() {
        Instant now = SENT.plus(Duration.ofHours(25));
        IssuedLinks issued = IssuedLinks.parse(Stream.of(link("day-old", SENT), "garbage", link("recent", now.minusSeconds(60))), now)
                .with(new IssuedLinks.Link("newest", now, now.plus(Duration.ofHours(1))), now);
        assertTrue(issued.find("day-old").isEmpty());
        assertEquals("newest", issued.newest().orElseThrow().id());
        assertEquals(2, issued.values().size());
        assertEquals(now.plus(Duration.ofHours(1)), IssuedLinks.parse(issued.values().stream(), now).find("newest").orElseThrow().expiresAt());
        assertFalse(issued.values().stream().anyMatch(value -> value.contains("garbage")));
    }

    @Test
    void aLinkSentInTheSameSecondAsTheLastIsStillTheNewest() {
        IssuedLinks issued = IssuedLinks.parse(Stream.of(link("first", SENT)), SENT)
                .with(new IssuedLinks.Link("second", SENT, SENT.plusSeconds(60)), SENT);
        assertEquals("second", issued.newest().orElseThrow().id());
    }

    private static String link(String id, Instant issuedAt) {
        return id + " " + issuedAt.getEpochSecond() + " " + issuedAt.plus(Duration.ofHours(1)).getEpochSecond();
    }
}
