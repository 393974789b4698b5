package com.example.crm.keycloak.policy.token;

import java.time.Instant;

import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.DefaultActionToken;
import org.keycloak.authentication.actiontoken.ExplainedTokenVerificationException;
import org.keycloak.models.UserModel;

import com.example.crm.keycloak.policy.IssuedLinks;
import com.example.crm.keycloak.policy.LinkVerdict;
import com.example.crm.keycloak.policy.RealmResetLinks;
import com.example.crm.keycloak.policy.RefusedLinks;
import com.example.crm.report.PolicyErrors;

/**
 * The realm's policy for a reset link being opened, whoever asked for it (an administrator or the user):
 * the maximum lifespan since it was issued, and, with "only the newest link works", no link older than the
 * user's newest of either kind.
 */
final class LinkPolicyCheck {

    /** Message keys of the login theme. */
    static final String MESSAGE_EXPIRED = "crmLinkExpiredMessage";
    static final String MESSAGE_SUPERSEDED = "crmLinkSupersededMessage";

    private LinkPolicyCheck() {
    }

    static boolean follows(DefaultActionToken token, ActionTokenContext<?> context) throws ExplainedTokenVerificationException {
        UserModel user = context.getAuthenticationSession().getAuthenticatedUser();
        if (user == null) {
            return true;
        }
        Instant now = Instant.now();
        IssuedLinks issued = RealmResetLinks.issued(user, now);
        Instant issuedAt = issued.issuedAt(token.getId(), Instant.ofEpochSecond(token.getIat()));
        LinkVerdict verdict = RealmResetLinks.policy(context.getRealm()).judge(token.getId(), issuedAt, issued, now);
        if (verdict != LinkVerdict.ALLOWED) {
            RefusedLinks.count(verdict);
        }
        return switch (verdict) {
            case ALLOWED -> true;
            case EXPIRED -> throw new ExplainedTokenVerificationException(token, PolicyErrors.LINK_EXPIRED, MESSAGE_EXPIRED);
            case SUPERSEDED -> throw new ExplainedTokenVerificationException(token, PolicyErrors.LINK_SUPERSEDED, MESSAGE_SUPERSEDED);
        };
    }
}
