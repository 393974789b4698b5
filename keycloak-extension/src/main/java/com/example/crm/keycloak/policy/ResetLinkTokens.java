package com.example.crm.keycloak.policy;

import java.net.URI;
import java.util.Optional;

import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionToken;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.UserModel;

/** Reads the action token out of a link Keycloak built, and tells reset links from other action links. */
public final class ResetLinkTokens {

    private ResetLinkTokens() {
    }

    /** The link's token, read without checking its signature: Keycloak has just signed it itself. */
    public static Optional<ExecuteActionsActionToken> fromLink(String link) {
        String query = URI.create(link).getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("key=")) {
                try {
                    return Optional.of(new JWSInput(parameter.substring(4)).readJsonContent(ExecuteActionsActionToken.class));
                } catch (JWSInputException notAToken) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The policy covers links that ask the user to set a password, not other admin-sent actions. */
    public static boolean isReset(ExecuteActionsActionToken token) {
        return token.getRequiredActions() != null && token.getRequiredActions().stream()
                .anyMatch(action -> UserModel.RequiredAction.UPDATE_PASSWORD.name().equalsIgnoreCase(action));
    }
}
