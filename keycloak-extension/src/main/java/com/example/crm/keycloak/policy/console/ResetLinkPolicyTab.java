package com.example.crm.keycloak.policy.console;

import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

import com.example.crm.keycloak.policy.RealmResetLinks;
import com.example.crm.keycloak.policy.ResetLinkPolicy;

/**
 * Realm settings → CRM reset links: identity administrators see and change the realm's policy. The values are
 * stored as a component of the realm; saving also makes the default lifespan Keycloak's own default for links
 * an administrator sends.
 */
public class ResetLinkPolicyTab implements UiTabProvider, UiTabProviderFactory<ComponentModel> {

    @Override
    public String getId() {
        return RealmResetLinks.POLICY_COMPONENT_ID;
    }

    @Override
    public String getHelpText() {
        return "How long password reset links work, and whether a new link replaces the older ones: links an administrator "
                + "sends and the user's own from \"Forgot password?\" alike.";
    }

    @Override
    public String getPath() {
        return "/:realm/realm-settings/:tab?";
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", "crm-reset-links");
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        ResetLinkPolicy defaults = ResetLinkPolicy.DEFAULTS;
        return ProviderConfigurationBuilder.create()
                .property().name(ResetLinkPolicy.DEFAULT_LIFESPAN_MINUTES).label("Default lifespan (minutes)")
                .helpText("How long a reset link an administrator sends works when they do not say (a \"Forgot password?\" "
                        + "link works for the realm's user-initiated action lifespan, under Tokens). From 1 to 1440 minutes, "
                        + "at most the maximum lifespan.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(defaults.defaultLifespan().toMinutes())).add()
                .property().name(ResetLinkPolicy.MAX_LIFESPAN_MINUTES).label("Maximum lifespan (minutes)")
                .helpText("No reset link, an administrator's or the user's own, works longer than this after it was sent, "
                        + "whatever lifespan was asked for; "
                        + "the email states this time. From 1 to 1440 minutes (24 hours).")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(defaults.maxLifespan().toMinutes())).add()
                .property().name(ResetLinkPolicy.ONLY_NEWEST_LINK).label("Only the newest link works")
                .helpText("When a user is sent a new reset link, by an administrator or through \"Forgot password?\", every "
                        + "older one of either kind stops working.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue(String.valueOf(defaults.onlyNewestLink())).add()
                .build();
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        try {
            ResetLinkPolicy.parse(model.getConfig()::getFirst);
        } catch (IllegalArgumentException invalid) {
            throw new ComponentValidationException(invalid.getMessage());
        }
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        applyDefaultLifespan(realm, model);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        applyDefaultLifespan(realm, newModel);
    }

    private static void applyDefaultLifespan(RealmModel realm, ComponentModel model) {
        ResetLinkPolicy policy = ResetLinkPolicy.parse(model.getConfig()::getFirst);
        realm.setActionTokenGeneratedByAdminLifespan((int) policy.defaultLifespan().toSeconds());
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
