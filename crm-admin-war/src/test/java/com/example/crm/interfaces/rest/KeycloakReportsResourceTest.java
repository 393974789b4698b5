package com.example.crm.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.crm.application.LinkReports;
import com.example.crm.domain.model.reset.LinkReport;
import com.example.crm.report.ReportSignature;
import com.example.crm.report.ReportType;
import com.example.crm.report.SignatureVectors;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The callback's use of the report contract, without a container: what it accepts and what it hands on. */
class KeycloakReportsResourceTest {

    private static final SignatureVectors.Vector VECTOR = SignatureVectors.LINK_SENT;

    private final List<LinkReport> applied = new ArrayList<>();
    private final KeycloakReportsResource resource = new KeycloakReportsResource();

    KeycloakReportsResourceTest() {
        resource.secret = VECTOR.secret();
        resource.clock = Clock.fixed(Instant.ofEpochSecond(VECTOR.timestamp()).plusSeconds(30), ZoneOffset.UTC);
        resource.linkReports = new LinkReports() {
            @Override
            public Outcome apply(LinkReport report) {
                applied.add(report);
                return Outcome.APPLIED;
            }
        };
    }

    @Test
    void acceptsTheContractsSignatureVectorAndHandsOnWhatItSays() {
        assertEquals(204, resource.receive(Long.toString(VECTOR.timestamp()), VECTOR.signature(), VECTOR.body()).getStatus());
        assertEquals(List.of(new LinkReport("e3", ReportType.LINK_SENT, "u1", Instant.parse("2026-11-27T11:46:40Z"),
                Instant.parse("2026-11-27T12:46:40Z"), true)), applied);
    }

    @Test
    void refusesTheVectorWithAnotherBodyOrTimestamp() {
        assertEquals(401, resource.receive(Long.toString(VECTOR.timestamp()), VECTOR.signature(), VECTOR.body() + " ").getStatus());
        assertEquals(401, resource.receive(Long.toString(VECTOR.timestamp() + 1), VECTOR.signature(), VECTOR.body()).getStatus());
        assertEquals(List.of(), applied);
    }

    @Test
    void acceptsAReportOfATypeItDoesNotKnowAndAppliesNothing() {
        String body = "{\"id\":\"e9\",\"type\":\"LINK_EXPLODED\",\"keycloakUserId\":\"u1\",\"occurredAt\":\"2026-11-27T11:46:40Z\"}";
        String signature = ReportSignature.sign(VECTOR.secret(), VECTOR.timestamp(), body);
        assertEquals(204, resource.receive(Long.toString(VECTOR.timestamp()), signature, body).getStatus());
        assertEquals(List.of(), applied);
    }
}
