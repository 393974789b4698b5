package com.example.crm.domain.model.reset;

/** What the admin asked for: a reset link, or a lock-out (the link, then the old password and every session revoked). */
public enum ResetKind {
    LINK,
    LOCK_OUT
}
