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

    public static IssuedLinks issued(UserModel user) {
        return IssuedLinks.parse(user.getAttributeStream(IssuedLinks.ATTRIBUTE));
    }

    public static void record(UserModel user, IssuedLinks.Link link, Instant now) {
        user.setAttribute(IssuedLinks.ATTRIBUTE, issued(user).with(link, now).values());
    }
}
