package com.example.crm.keycloak.selfservice;

import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import org.keycloak.Config;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.resetcred.ResetCredentialEmail;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.messages.Messages;

import com.example.crm.keycloak.policy.SelfServiceEmails;

/**
 * Keycloak's "Forgot password?" email step (same id, higher order), except that an address which already got
 * {@code max-emails-per-hour} of these emails in the last hour gets none: the page says the same as always (as for
 * an unknown address, so it tells nobody whether the account exists), and Keycloak stores a
 * {@code SEND_RESET_PASSWORD_ERROR} event with error {@value #LIMITED}. The policy's email provider records each send.
 */
public class LimitedResetCredentialEmail extends ResetCredentialEmail {

    public static final String CONFIG_MAX_EMAILS_PER_HOUR = "max-emails-per-hour";
    static final int DEFAULT_MAX_EMAILS_PER_HOUR = 3;
    /** The event error of a request the limit turned away. */
    public static final String LIMITED = "crm_self_service_limit";
    /** Keycloak's auth note when the user came back through an action token: no email is sent then. */
    private static final String ACTION_TOKEN_USER = "ACTION_TOKEN_USER";

    private static final Logger LOG = Logger.getLogger(LimitedResetCredentialEmail.class.getName());

    private int maxPerHour = DEFAULT_MAX_EMAILS_PER_HOUR;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void init(Config.Scope config) {
        super.init(config);
        maxPerHour = config.getInt(CONFIG_MAX_EMAILS_PER_HOUR, DEFAULT_MAX_EMAILS_PER_HOUR);
        if (maxPerHour < 1) {
            throw new IllegalArgumentException("--spi-authenticator-reset-credential-email-" + CONFIG_MAX_EMAILS_PER_HOUR
                    + " must be a whole number from 1 up, not " + maxPerHour);
        }
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        boolean sendsEmail = user != null
                && !user.getId().equals(context.getAuthenticationSession().getAuthNote(ACTION_TOKEN_USER));
        Optional<Instant> limitedUntil = sendsEmail
                ? SelfServiceEmails.parse(user.getAttributeStream(SelfServiceEmails.ATTRIBUTE), Instant.now()).limitedUntil(maxPerHour)
                : Optional.empty();
        if (limitedUntil.isEmpty()) {
            super.authenticate(context);
            return;
        }
        LOG.info(() -> "User " + user.getId() + " already got " + maxPerHour + " \"Forgot password?\" emails this hour; none sent until "
                + limitedUntil.get());
        context.getEvent().clone().event(EventType.SEND_RESET_PASSWORD).user(user).error(LIMITED);
        context.forkWithSuccessMessage(new FormMessage(Messages.EMAIL_SENT));
    }
}
