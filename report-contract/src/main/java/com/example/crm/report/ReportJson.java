package com.example.crm.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * A report's JSON body: {@code {id, type, realm, keycloakUserId, occurredAt, linkExpiresAt?, replacesEarlierLinks?,
 * requestedByUser?, error?}}, times as ISO-8601 instants. The optional fields are written only when they say something.
 */
public final class ReportJson {

    static final String ID = "id";
    static final String TYPE = "type";
    static final String REALM = "realm";
    static final String KEYCLOAK_USER_ID = "keycloakUserId";
    static final String OCCURRED_AT = "occurredAt";
    static final String LINK_EXPIRES_AT = "linkExpiresAt";
    static final String REPLACES_EARLIER_LINKS = "replacesEarlierLinks";
    static final String REQUESTED_BY_USER = "requestedByUser";
    static final String ERROR = "error";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ReportJson() {
    }

    public static String write(ResetReport report) {
        ObjectNode json = MAPPER.createObjectNode()
                .put(ID, report.id())
                .put(TYPE, report.type().name())
                .put(REALM, report.realm())
                .put(KEYCLOAK_USER_ID, report.keycloakUserId())
                .put(OCCURRED_AT, report.occurredAt().toString());
        if (report.linkExpiresAt() != null) {
            json.put(LINK_EXPIRES_AT, report.linkExpiresAt().toString());
        }
        if (report.replacesEarlierLinks()) {
            json.put(REPLACES_EARLIER_LINKS, true);
        }
        if (report.requestedByUser()) {
            json.put(REQUESTED_BY_USER, true);
        }
        if (report.error() != null) {
            json.put(ERROR, report.error());
        }
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Report " + report.id() + " could not be written as JSON", e);
        }
    }

    /**
     * Reads a report. Its type is looked at first, so a report of an unknown type is never called unreadable; fields
     * this side does not know are ignored, and so are optional fields of the wrong kind.
     *
     * @throws UnknownReportTypeException when the type is missing or not one of {@link ReportType} (it carries the
     *         report's realm)
     * @throws UnreadableReportException when the body is not a JSON object, or its id, keycloakUserId or occurredAt is
     *         missing or not readable
     */
    public static ResetReport read(String body) throws UnreadableReportException, UnknownReportTypeException {
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UnreadableReportException("not JSON", e);
        }
        if (json == null || !json.isObject()) {
            throw new UnreadableReportException("not a JSON object");
        }
        ReportType type = typeOf(optional(json, TYPE), optional(json, REALM));
        return new ResetReport(required(json, ID), type, optional(json, REALM), required(json, KEYCLOAK_USER_ID),
                instant(required(json, OCCURRED_AT)), instant(optional(json, LINK_EXPIRES_AT)),
                json.path(REPLACES_EARLIER_LINKS).booleanValue(), json.path(REQUESTED_BY_USER).booleanValue(),
                optional(json, ERROR));
    }

    private static ReportType typeOf(String name, String realm) throws UnknownReportTypeException {
        return Arrays.stream(ReportType.values()).filter(type -> type.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnknownReportTypeException(name, realm));
    }

    private static String required(JsonNode json, String field) throws UnreadableReportException {
        String value = optional(json, field);
        if (value == null) {
            throw new UnreadableReportException("no " + field);
        }
        return value;
    }

    private static String optional(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static Instant instant(String text) throws UnreadableReportException {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UnreadableReportException("not an instant: " + text, e);
        }
    }
}
