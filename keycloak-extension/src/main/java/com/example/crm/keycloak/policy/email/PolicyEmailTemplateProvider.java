package com.example.crm.keycloak.policy.email;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.keycloak.authentication.actiontoken.DefaultActionToken;
import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionToken;
import org.keycloak.authentication.actiontoken.resetcred.ResetCredentialsActionToken;
import org.keycloak.email.EmailException;
import org.keycloak.email.freemarker.FreeMarkerEmailTemplateProvider;
import org.keycloak.models.KeycloakSession;

import com.example.crm.keycloak.policy.IssuedLinks;
import com.example.crm.keycloak.policy.RealmResetLinks;
import com.example.crm.keycloak.policy.ResetLinkPolicy;
import com.example.crm.keycloak.policy.ResetLinkTokens;
import com.example.crm.keycloak.policy.SelfServiceEmails;

/**
 * Keycloak's email templates, except that a reset email (an administrator's, or the user's own from "Forgot
 * password?") states the expiry the realm's policy will enforce
 * (never more than its maximum), and a reset link that was sent is recorded on the user, so that the policy
 * knows when it was issued and which link is the newest.
 */
final class PolicyEmailTemplateProvider extends FreeMarkerEmailTemplateProvider {

    /** Template attribute: when the link stops working, as an epoch millisecond (templates use it for the absolute time). */
    static final String LINK_EXPIRES_AT = "linkExpiresAtMillis";

    PolicyEmailTemplateProvider(KeycloakSession session) {
        super(session);
    }

    @Override
    public void sendExecuteActions(String link, long expirationInMinutes) throws EmailException {
        Optional<ExecuteActionsActionToken> token = ResetLinkTokens.fromLink(link).filter(ResetLinkTokens::isReset);
        if (token.isEmpty() || realm == null || user == null) {
            super.sendExecuteActions(link, expirationInMinutes);
            return;
        }
        IssuedLinks.Link sent = enforced(token.get());
        super.sendExecuteActions(link, minutes(sent));
        // Only a link that reached the mail server becomes the newest one.
        RealmResetLinks.record(user, sent, Instant.now());
    }

    /** The email of "Forgot password?": the same policy as an administrator's link. */
    @Override
    public void sendPasswordReset(String link, long expirationInMinutes) throws EmailException {
        Optional<ResetCredentialsActionToken> token = ResetLinkTokens.selfServiceFromLink(link);
        if (token.isEmpty() || realm == null || user == null) {
            super.sendPasswordReset(link, expirationInMinutes);
            return;
        }
        IssuedLinks.Link sent = enforced(token.get());
        super.sendPasswordReset(link, minutes(sent));
        Instant now = Instant.now();
        RealmResetLinks.record(user, sent, now);
        user.setAttribute(SelfServiceEmails.ATTRIBUTE,
                SelfServiceEmails.parse(user.getAttributeStream(SelfServiceEmails.ATTRIBUTE), now).with(now));
    }

    /** The link as the policy will hold it, its enforced expiry also handed to the template. */
    private IssuedLinks.Link enforced(DefaultActionToken token) {
        ResetLinkPolicy policy = RealmResetLinks.policy(realm);
        Instant issuedAt = Instant.ofEpochSecond(token.getIat());
        Instant expiresAt = policy.enforcedExpiry(issuedAt, Instant.ofEpochSecond(token.getExp()));
        setAttribute(LINK_EXPIRES_AT, expiresAt.toEpochMilli());
        return new IssuedLinks.Link(token.getId(), issuedAt, expiresAt);
    }

    /** Rounded: Keycloak's clock may tick between computing the expiry and stamping the token. */
    private static long minutes(IssuedLinks.Link link) {
        return Math.round(Duration.between(link.issuedAt(), link.expiresAt()).toSeconds() / 60.0);
    }
}
