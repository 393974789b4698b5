package com.example.crm.domain.model.reset;

import java.time.Instant;

/**
 * One page of the audit log: reset attempts filtered by user (name or email), admin (username), outcome and a
 * time range (from inclusive, to exclusive), newest first.
 */
public record AuditSearch(String user, String admin, ResetStatus outcome, Instant from, Instant to, int first, int pageSize) {

    public AuditSearch {
        if (first < 0) {
            throw new IllegalArgumentException("first must not be negative");
        }
        if (pageSize < 1 || pageSize > 200) {
            throw new IllegalArgumentException("pageSize must be between 1 and 200");
        }
        user = user == null ? "" : user.strip();
        admin = admin == null ? "" : admin.strip();
    }
}
