package com.example.crm.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.crm.systemtest.support.Http;
import com.example.crm.systemtest.support.RunningStack;
import com.example.crm.systemtest.support.SeededLinks;
import com.example.crm.systemtest.support.SystemTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The public callback for Keycloak's reports, over real HTTP: what it refuses and with which status, and that a
 * report sent again is applied once. Reports are signed here with the dev stack's secret, independently of the
 * product's code.
 */
@SystemTest
class KeycloakCallbackTest {

    /** stack.sh's dev-only default, which the stack the tests start keeps. */
    private static final String SECRET = Objects.requireNonNullElse(System.getenv("CRM_REPORT_SECRET"),
            "dev-only-crm-report-secret");
    private static final int CAP = 16 * 1024;

    @Test
    void aBodyOverSixteenKilobytesIsRefusedWith413WhetherDeclaredOrStreamed(RunningStack stack) {
        String padded = report(UUID.randomUUID().toString(), "PASSWORD_CHANGED", "crm", UUID.randomUUID().toString(),
                Instant.now(), "x".repeat(CAP));
        HttpResponse<String> declared = post(stack, now(), padded, true);
        assertEquals(413, declared.statusCode(), declared.body());
        assertEquals("report larger than 16384 bytes", declared.body());

        // No Content-Length (chunked), a megabyte of it: refused after the first 16 KB.
        long timestamp = now();
        HttpResponse<String> streamed = Http.send(callback(stack)
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .header("X-Crm-Timestamp", Long.toString(timestamp))
                .header("X-Crm-Signature", sign(timestamp, "whatever"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Spaces(1024 * 1024))));
        assertEquals(413, streamed.statusCode(), streamed.body());
    }

    @Test
    void aStaleTimestampIsRefusedWith401(RunningStack stack) {
        String body = report(UUID.randomUUID().toString(), "PASSWORD_CHANGED", "crm", UUID.randomUUID().toString(),
                Instant.now(), null);
        HttpResponse<String> stale = post(stack, now() - 600, body, true);
        assertEquals(401, stale.statusCode());
        assertEquals("timestamp outside the allowed window", stale.body());
    }

    @Test
    void anUnsignedOrWronglySignedReportIsRefusedWith401(RunningStack stack) {
        String body = report(UUID.randomUUID().toString(), "PASSWORD_CHANGED", "crm", UUID.randomUUID().toString(),
                Instant.now(), null);
        HttpResponse<String> unsigned = Http.send(callback(stack).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(401, unsigned.statusCode());
        assertEquals(401, post(stack, now(), body, false).statusCode(), "signed with another secret");
    }

    @Test
    void aSignedReportForAnotherRealmIsRefusedWith403(RunningStack stack) {
        String body = report(UUID.randomUUID().toString(), "PASSWORD_CHANGED", "master", UUID.randomUUID().toString(),
                Instant.now(), null);
        HttpResponse<String> response = post(stack, now(), body, true);
        assertEquals(403, response.statusCode());
        assertEquals("report for another realm than crm", response.body());
    }

    @Test
    void aSignedBodyThatIsNotJsonIsRefusedWith400(RunningStack stack) {
        assertEquals(400, post(stack, now(), "{\"id\": \"e1\", this is not JSON", true).statusCode());
    }

    @Test
    void aReportSentAgainIsAcceptedButAppliedOnce(RunningStack stack) throws SQLException {
        String keycloakId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        try (Connection db = stack.crmDatabase()) {
            long user = insertUser(stack, db, keycloakId);
            long first = SeededLinks.sent(stack, db, user, now.minus(Duration.ofMinutes(10)));
            long timestamp = now();
            String body = report(UUID.randomUUID().toString(), "PASSWORD_CHANGED", "crm", keycloakId, now, null);

            assertEquals(204, post(stack, timestamp, body, true).statusCode());
            assertEquals("COMPLETED", status(db, first));

            // A link that was open when the password was set: applied again, the report would complete it too.
            long second = SeededLinks.sent(stack, db, user, now.minus(Duration.ofMinutes(5)));
            assertEquals(204, post(stack, timestamp, body, true).statusCode(), "the same request again");
            assertEquals(204, post(stack, now(), body, true).statusCode(), "the reporter's retry, signed anew");
            assertEquals("SENT", status(db, second), "the report was applied once");
        }
    }

    @Test
    void aFloodOfRefusedReportsAddsAtMostOneWarningToTheLog(RunningStack stack) throws IOException {
        Path log = stack.logsDir().resolve("payara.log");
        String warning = "Refused a Keycloak report: missing or wrong signature";
        long before = count(log, warning);
        String body = report(UUID.randomUUID().toString(), "PASSWORD_CHANGED", "crm", UUID.randomUUID().toString(),
                Instant.now(), null);
        for (int i = 0; i < 200; i++) {
            assertEquals(401, post(stack, now(), body, false).statusCode());
        }
        long after = count(log, warning);
        assertTrue(after >= 1, "refused reports are logged (by this flood, or earlier in this minute)");
        assertTrue(after - before <= 1, (after - before) + " warnings for 200 refused reports");
    }

    private static HttpRequest.Builder callback(RunningStack stack) {
        return HttpRequest.newBuilder(URI.create(stack.crmUrl() + "/api/keycloak-events"));
    }

    private static HttpResponse<String> post(RunningStack stack, long timestamp, String body, boolean rightSecret) {
        return Http.send(callback(stack)
                .header("Content-Type", "application/json")
                .header("X-Crm-Timestamp", Long.toString(timestamp))
                .header("X-Crm-Signature", rightSecret ? sign(timestamp, body) : sign("not-the-secret", timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A report as the reporter writes it; {@code padding} (an unknown field) only to make it large. */
    private static String report(String id, String type, String realm, String keycloakUserId, Instant at, String padding) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"realm\":\"" + realm + "\",\"keycloakUserId\":\""
                + keycloakUserId + "\",\"occurredAt\":\"" + at + "\"" + (padding == null ? "" : ",\"padding\":\"" + padding + "\"")
                + "}";
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String sign(long timestamp, String body) {
        return sign(SECRET, timestamp, body);
    }

    /** HMAC-SHA256 of "timestamp.body", as the README describes the signature. */
    private static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long insertUser(RunningStack stack, Connection db, String keycloakId) throws SQLException {
        String username = "replay." + keycloakId;
        long id = stack.nextValue(db, "crm_user_seq");
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO crm_user (id, keycloak_id, username, first_name,"
                + " last_name, email, status, role, search_key) VALUES (?, ?, ?, 'Rene', 'Replay',"
                + " ?, 'ACTIVE', 'Support agent', ?)")) {
            insert.setLong(1, id);
            insert.setString(2, keycloakId);
            insert.setString(3, username);
            insert.setString(4, username + "@example.com");
            insert.setString(5, "rene replay " + username);
            insert.executeUpdate();
        }
        return id;
    }

    private static String status(Connection db, long request) throws SQLException {
        try (PreparedStatement find = db.prepareStatement("SELECT status FROM reset_request WHERE id = ?")) {
            find.setLong(1, request);
            try (ResultSet row = find.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static long count(Path log, String text) throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    /** A body of {@code size} spaces, made as it is read. */
    private static final class Spaces extends InputStream {
        private long left;

        Spaces(long size) {
            left = size;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return ' ';
        }
    }
}
