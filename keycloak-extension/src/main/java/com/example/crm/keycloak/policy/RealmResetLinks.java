package com.example.crm.keycloak.policy;

import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ui.extend.UiTabProvider;

/** Where Keycloak keeps the policy (the admin-console tab's component on the realm) and each user's issued links. */
public final class RealmResetLinks {

    /** The admin-console tab's id; it is also the title the console shows. */
    public static final String POLICY_COMPONENT_ID = "CRM reset links";

    private static final Logger LOG = Logger.getLogger(RealmResetLinks.class.getName());

    private RealmResetLinks() {
    }

    /** The realm's policy, or the defaults while nobody has saved the tab. */
    public static ResetLinkPolicy policy(RealmModel realm) {
        Optional<ComponentModel> saved = realm.getComponentsStream(realm.getId(), UiTabProvider.class.getName())
                .filter(component -> POLICY_COMPONENT_ID.equals(component.getProviderId()))
                .findFirst();
        if (saved.isEmpty()) {
            return ResetLinkPolicy.DEFAULTS;
        }
        try {
            return ResetLinkPolicy.parse(saved.get().getConfig()::getFirst);
        } catch (IllegalArgumentException invalid) {
            // Only an import can store an invalid policy (the tab validates); the defaults are the safe reading.
            LOG.warning(() -> "Realm " + realm.getName() + ": the reset link policy is invalid, using the defaults instead: "
                    + invalid.getMessage());
            return ResetLinkPolicy.DEFAULTS;
        }
    }

    /** The user's recorded links; values that were tampered with are ignored, and said so once per reading. */
    public static IssuedLinks issued(UserModel user, Instant now) {
        IssuedLinks issued = IssuedLinks.parse(user.getAttributeStream(IssuedLinks.ATTRIBUTE), now);
        if (issued.ignored() > 0) {
            // Without the values: whatever they hold was not written by the extension.
            LOG.warning(() -> "User " + user.getId() + ": " + issued.ignored() + (issued.ignored() == 1 ? " value" : " values")
                    + " of the attribute " + IssuedLinks.ATTRIBUTE + " ignored (unreadable, out of range, repeated, or beyond the "
                    + IssuedLinks.MAX_KEPT + " newest); the policy holds for the rest, and the next reset link sent rewrites it.");
        }
        return issued;
    }

    /** Adds a link just sent, rewriting the attribute with what {@link #issued} could read, within its bounds. */
    public static void record(UserModel user, IssuedLinks.Link link, Instant now) {
        user.setAttribute(IssuedLinks.ATTRIBUTE, issued(user, now).with(link, now).values());
    }
}
