package com.example.crm.systemtest.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Reset requests written straight into the CRM's database for one test. */
public final class SeededLinks {

    private SeededLinks() {
    }

    /** A link sent by admin at {@code at} that works for an hour, as an admin's click leaves it; its request id. */
    public static long sent(RunningStack stack, Connection db, long crmUserId, Instant at) throws SQLException {
        long id = stack.nextValue(db, "reset_request_seq");
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO reset_request (id, crm_user_id, requested_by,"
                + " requested_at, lifespan_seconds, sent_at, expires_at, status, status_changed_at)"
                + " VALUES (?, ?, 'admin', ?, 3600, ?, ?, 'SENT', ?)")) {
            insert.setLong(1, id);
            insert.setLong(2, crmUserId);
            insert.setObject(3, at.atOffset(ZoneOffset.UTC));
            insert.setObject(4, at.atOffset(ZoneOffset.UTC));
            insert.setObject(5, at.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
            insert.setObject(6, at.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return id;
    }
}
