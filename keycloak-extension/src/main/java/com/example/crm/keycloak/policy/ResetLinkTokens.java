package com.example.crm.keycloak.policy;

import java.net.URI;
import java.util.Optional;

import org.keycloak.authentication.actiontoken.DefaultActionToken;
import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionToken;
import org.keycloak.authentication.actiontoken.resetcred.ResetCredentialsActionToken;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.UserModel;

/**
 * Reads the action token out of a link Keycloak built (an administrator's execute-actions link or the user's own
 * "Forgot password?" link), and tells reset links from other action links.
 */
public final class ResetLinkTokens {

    private ResetLinkTokens() {
    }

    /** The link's token, read without checking its signature: Keycloak has just signed it itself. */
    public static Optional<ExecuteActionsActionToken> fromLink(String link) {
        return fromLink(link, ExecuteActionsActionToken.class);
    }

    /** The token of a link that "Forgot password?" emailed. */
    public static Optional<ResetCredentialsActionToken> selfServiceFromLink(String link) {
        return fromLink(link, ResetCredentialsActionToken.class);
    }

    private static <T extends DefaultActionToken> Optional<T> fromLink(String link, Class<T> type) {
        String query = URI.create(link).getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("key=")) {
                try {
                    return Optional.of(new JWSInput(parameter.substring(4)).readJsonContent(type));
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
