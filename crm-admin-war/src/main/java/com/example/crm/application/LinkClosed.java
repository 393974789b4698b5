package com.example.crm.application;

import com.example.crm.domain.model.reset.ResetStatus;

/**
 * A sent link stopped working: its password was set ({@code COMPLETED}), its time ran out ({@code EXPIRED}) or a newer
 * link replaced it ({@code SUPERSEDED}). Fired once per link, when that is decided.
 */
public record LinkClosed(ResetStatus outcome) {

    /** Whether {@code status} is how a sent link ends. */
    public static boolean closes(ResetStatus status) {
        return status == ResetStatus.COMPLETED || status == ResetStatus.EXPIRED || status == ResetStatus.SUPERSEDED;
    }
}
