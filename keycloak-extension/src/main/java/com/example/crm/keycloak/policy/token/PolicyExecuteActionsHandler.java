package com.example.crm.keycloak.policy.token;

import java.time.Instant;
import java.util.Arrays;

import org.keycloak.TokenVerifier.Predicate;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.ExplainedTokenVerificationException;
import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionToken;
import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionTokenHandler;
import org.keycloak.models.UserModel;

import com.example.crm.keycloak.policy.IssuedLinks;
import com.example.crm.keycloak.policy.LinkVerdict;
import com.example.crm.keycloak.policy.RealmResetLinks;
import com.example.crm.keycloak.policy.RefusedLinks;
import com.example.crm.keycloak.policy.ResetLinkTokens;
import com.example.crm.report.PolicyErrors;

/**
 * Replaces Keycloak's handler for links sent by execute-actions-email (same id, higher order). Everything
 * Keycloak checks stays, single use included; a reset link must also pass the realm's policy, on the info
 * page and again when the user confirms.
 */
public class PolicyExecuteActionsHandler extends ExecuteActionsActionTokenHandler {

    /** Message keys of the login theme. */
    static final String MESSAGE_EXPIRED = "crmLinkExpiredMessage";
    static final String MESSAGE_SUPERSEDED = "crmLinkSupersededMessage";

    @Override
    public int order() {
        return 10;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Predicate<? super ExecuteActionsActionToken>[] getVerifiers(ActionTokenContext<ExecuteActionsActionToken> context) {
        Predicate<? super ExecuteActionsActionToken>[] keycloaks = super.getVerifiers(context);
        Predicate<? super ExecuteActionsActionToken>[] all = Arrays.copyOf(keycloaks, keycloaks.length + 1);
        all[keycloaks.length] = token -> followsPolicy(token, context);
        return all;
    }

    private static boolean followsPolicy(ExecuteActionsActionToken token, ActionTokenContext<ExecuteActionsActionToken> context)
            throws ExplainedTokenVerificationException {
        UserModel user = context.getAuthenticationSession().getAuthenticatedUser();
        if (!ResetLinkTokens.isReset(token) || user == null) {
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
