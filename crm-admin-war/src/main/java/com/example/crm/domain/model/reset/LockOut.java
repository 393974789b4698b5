package com.example.crm.domain.model.reset;

/**
 * How far a lock-out got once its link was sent. The password is removed before the sessions are ended, so that
 * nobody can sign in anew between the two steps.
 */
public enum LockOut {
    /** The old password no longer works and every session was ended. */
    DONE,
    /** Removing the password failed: it still works, and the sessions were left open. */
    PASSWORD_STILL_WORKS,
    /** The password was removed, but ending the sessions failed: devices already signed in stay signed in. */
    SESSIONS_STILL_OPEN
}
