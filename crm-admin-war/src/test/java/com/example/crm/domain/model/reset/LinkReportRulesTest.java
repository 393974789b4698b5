package com.example.crm.domain.model.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.report.ReportType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkReportRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final CrmUser USER = ResetEligibilityTest.user("ann@example.com", true, "kc-1");

    @Test
    void linkSentTakesTheEnforcedExpiryAndReplacesOlderOpenLinks() {
        ResetRequest older = sent(T0, Duration.ofHours(12));
        ResetRequest newer = sent(T0.plusSeconds(600), Duration.ofHours(12));
        List<ResetRequest> changed = LinkReportRules.apply(
                report(ReportType.LINK_SENT, T0.plusSeconds(601), T0.plusSeconds(600 + 3600), true), List.of(newer, older));

        assertEquals(ResetStatus.SUPERSEDED, older.getStatus());
        assertEquals(T0.plusSeconds(601), older.getStatusChangedAt());
        assertEquals(ResetStatus.SENT, newer.getStatus());
        assertEquals(T0.plusSeconds(600 + 3600), newer.getExpiresAt(), "the policy's shorter expiry");
        assertEquals(List.of(newer, older).size(), changed.size());
    }

    @Test
    void withoutTheNewestOnlyPolicyOlderLinksStayOpen() {
        ResetRequest older = sent(T0, Duration.ofHours(1));
        ResetRequest newer = sent(T0.plusSeconds(60), Duration.ofHours(1));
        LinkReportRules.apply(report(ReportType.LINK_SENT, T0.plusSeconds(61), null, false), List.of(older, newer));
        assertEquals(ResetStatus.SENT, older.getStatus());
    }

    @Test
    void aLinkSentReportCanArriveBeforeTheCrmMarksItsRequestSent() {
        ResetRequest inFlight = ResetRequest.requested(USER, "admin", T0, Duration.ofHours(12));
        LinkReportRules.apply(report(ReportType.LINK_SENT, T0.plusSeconds(1), T0.plus(Duration.ofHours(1)), true), List.of(inFlight));
        assertEquals(ResetStatus.SENT, inFlight.getStatus(), "Keycloak's word that it sent is enough");
        assertEquals(T0.plusSeconds(1), inFlight.getSentAt());
        assertEquals(T0.plus(Duration.ofHours(1)), inFlight.getExpiresAt(), "the earlier, enforced expiry");
    }

    @Test
    void aLinkSentReportConfirmsARequestTheCrmNeverHeardBackAbout() {
        ResetRequest cutShort = ResetRequest.requested(USER, "admin", T0, Duration.ofHours(12));
        List<ResetRequest> changed = LinkReportRules.apply(report(ReportType.LINK_SENT, T0.plusSeconds(2), null, false),
                List.of(cutShort));
        assertEquals(List.of(cutShort), changed);
        assertEquals(ResetStatus.SENT, cutShort.getStatus());
        assertTrue(cutShort.getStatus().wasEmailed(), "now counted towards the hourly limit");
        assertEquals(T0.plus(Duration.ofHours(12)), cutShort.getExpiresAt());
    }

    @Test
    void aRequestNobodyConfirmsIsClosedAsUnconfirmedAndALateConfirmationStillCounts() {
        ResetRequest recent = ResetRequest.requested(USER, "admin", T0.plus(Duration.ofMinutes(10)), Duration.ofHours(1));
        ResetRequest stale = ResetRequest.requested(USER, "admin", T0, Duration.ofHours(1));
        Instant now = T0.plus(ResetRequest.UNCONFIRMED_LIMIT);

        assertEquals(List.of(stale), LinkReportRules.closeUnconfirmed(List.of(stale, recent), now));
        assertEquals(ResetStatus.FAILED, stale.getStatus());
        assertEquals(ResetFailure.KEYCLOAK_TIMEOUT, stale.getFailure(), "may or may not have been sent");
        assertEquals(ResetStatus.REQUESTED, recent.getStatus());

        LinkReportRules.apply(report(ReportType.LINK_SENT, T0.plusSeconds(3), null, false), List.of(stale));
        assertEquals(ResetStatus.SENT, stale.getStatus(), "Keycloak's stored event says it went out after all");
        assertEquals(null, stale.getFailure());
    }

    @Test
    void passwordChangedCompletesTheNewestLinkThatWasOpenAtThatTime() {
        ResetRequest link = sent(T0, Duration.ofHours(1));
        LinkReportRules.apply(report(ReportType.PASSWORD_CHANGED, T0.plusSeconds(300), null, false), List.of(link));
        assertEquals(ResetStatus.COMPLETED, link.getStatus());
        assertEquals(T0.plusSeconds(300), link.getStatusChangedAt());
        assertEquals(T0.plusSeconds(1), link.getSentAt(), "when it was sent is kept");
    }

    @Test
    void aLatePasswordChangedReportWinsOverAnExpiryThatCameLater() {
        ResetRequest link = sent(T0, Duration.ofMinutes(10));
        LinkReportRules.expire(List.of(link), T0.plus(Duration.ofMinutes(11))); // the CRM's sweep, while the report was delayed
        assertEquals(ResetStatus.EXPIRED, link.getStatus());

        LinkReportRules.apply(report(ReportType.PASSWORD_CHANGED, T0.plus(Duration.ofMinutes(5)), null, false), List.of(link));
        assertEquals(ResetStatus.COMPLETED, link.getStatus(), "the password was set before the link expired");
    }

    @Test
    void aLateReportCannotUndoACompletion() {
        ResetRequest link = sent(T0, Duration.ofMinutes(10));
        link.markCompleted(T0.plusSeconds(60));
        List<ResetRequest> changed = LinkReportRules.apply(report(ReportType.LINK_EXPIRED, T0.plus(Duration.ofMinutes(11)), null, false),
                List.of(link));
        assertTrue(changed.isEmpty());
        assertEquals(ResetStatus.COMPLETED, link.getStatus());

        LinkReportRules.apply(report(ReportType.LINK_SENT, T0.plus(Duration.ofMinutes(20)), null, true), List.of(link));
        assertEquals(ResetStatus.COMPLETED, link.getStatus());
    }

    @Test
    void linkExpiredMarksOpenLinksWhoseTimeHasRunOutAtTheirExpiry() {
        ResetRequest expired = sent(T0, Duration.ofMinutes(1));
        ResetRequest stillValid = sent(T0.plusSeconds(30), Duration.ofHours(1));
        LinkReportRules.apply(report(ReportType.LINK_EXPIRED, T0.plusSeconds(90), null, false), List.of(expired, stillValid));
        assertEquals(ResetStatus.EXPIRED, expired.getStatus());
        assertEquals(T0.plusSeconds(60), expired.getStatusChangedAt());
        assertEquals(ResetStatus.SENT, stillValid.getStatus());
    }

    @Test
    void reportsAboutAnAlreadyUsedOrReplacedLinkChangeNothing() {
        ResetRequest link = sent(T0, Duration.ofHours(1));
        for (ReportType type : List.of(ReportType.LINK_ALREADY_USED, ReportType.LINK_SUPERSEDED, ReportType.LINK_INVALID)) {
            assertTrue(LinkReportRules.apply(report(type, T0.plusSeconds(10), null, false), List.of(link)).isEmpty());
        }
        assertEquals(ResetStatus.SENT, link.getStatus());
    }

    @Test
    void theSweepExpiresOnlyOpenLinksPastTheirExpiry() {
        ResetRequest due = sent(T0, Duration.ofMinutes(1));
        ResetRequest notYet = sent(T0, Duration.ofHours(1));
        assertEquals(List.of(due), LinkReportRules.expire(List.of(due, notYet), T0.plusSeconds(61)));
        assertEquals(ResetStatus.SENT, notYet.getStatus());
    }

    private static ResetRequest sent(Instant at, Duration lifespan) {
        ResetRequest request = ResetRequest.requested(USER, "admin", at, lifespan);
        request.markSent(at.plusSeconds(1));
        return request;
    }

    private static LinkReport report(ReportType type, Instant at, Instant expiresAt, boolean replacesEarlier) {
        return new LinkReport("event-" + at.toEpochMilli(), type, "kc-1", at, expiresAt, replacesEarlier);
    }
}
