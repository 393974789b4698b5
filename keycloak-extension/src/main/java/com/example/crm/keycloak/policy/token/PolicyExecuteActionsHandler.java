package com.example.crm.keycloak.policy.token;

import java.util.Arrays;

import org.keycloak.TokenVerifier.Predicate;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionToken;
import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionTokenHandler;

import com.example.crm.keycloak.policy.ResetLinkTokens;

/**
 * Replaces Keycloak's handler for links sent by execute-actions-email (same id, higher order). Everything
 * Keycloak checks stays, single use included; a reset link must also pass the realm's policy ({@link LinkPolicyCheck}),
 * on the info page and again when the user confirms.
 */
public class PolicyExecuteActionsHandler extends ExecuteActionsActionTokenHandler {

    @Override
    public int order() {
        return 10;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Predicate<? super ExecuteActionsActionToken>[] getVerifiers(ActionTokenContext<ExecuteActionsActionToken> context) {
        Predicate<? super ExecuteActionsActionToken>[] keycloaks = super.getVerifiers(context);
        Predicate<? super ExecuteActionsActionToken>[] all = Arrays.copyOf(keycloaks, keycloaks.length + 1);
        all[keycloaks.length] = token -> !ResetLinkTokens.isReset(token) || LinkPolicyCheck.follows(token, context);
        return all;
    }
}
