package com.example.crm.domain.model.reset;

import java.util.Optional;

/** What Keycloak says happened to a user's reset link (the crm-reset-reporter's report types). */
public enum LinkEvent {
    LINK_SENT,
    LINK_EXPIRED,
    LINK_SUPERSEDED,
    LINK_ALREADY_USED,
    LINK_INVALID,
    PASSWORD_CHANGED;

    public static Optional<LinkEvent> named(String name) {
        for (LinkEvent event : values()) {
            if (event.name().equals(name)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }
}
