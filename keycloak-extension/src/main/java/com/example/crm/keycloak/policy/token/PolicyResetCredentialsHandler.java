package com.example.crm.keycloak.policy.token;

import java.util.Arrays;

import org.keycloak.TokenVerifier.Predicate;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.resetcred.ResetCredentialsActionToken;
import org.keycloak.authentication.actiontoken.resetcred.ResetCredentialsActionTokenHandler;

/**
 * Replaces Keycloak's handler for the links "Forgot password?" emails (same id, higher order). Everything Keycloak
 * checks stays; the link must also pass the realm's reset link policy, as an administrator's link does.
 */
public class PolicyResetCredentialsHandler extends ResetCredentialsActionTokenHandler {

    @Override
    public int order() {
        return 10;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Predicate<? super ResetCredentialsActionToken>[] getVerifiers(ActionTokenContext<ResetCredentialsActionToken> context) {
        Predicate<? super ResetCredentialsActionToken>[] keycloaks = super.getVerifiers(context);
        Predicate<? super ResetCredentialsActionToken>[] all = Arrays.copyOf(keycloaks, keycloaks.length + 1);
        all[keycloaks.length] = token -> LinkPolicyCheck.follows(token, context);
        return all;
    }
}
