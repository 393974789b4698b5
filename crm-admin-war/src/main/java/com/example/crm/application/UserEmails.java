package com.example.crm.application;

import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import com.example.crm.domain.model.user.EmailAdvice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/** A user's email address in the CRM and in Keycloak, which is where reset links really go. */
@ApplicationScoped
public class UserEmails {

    private static final Logger LOG = Logger.getLogger(UserEmails.class.getName());

    /** How the CRM's address compares with Keycloak's; {@code keycloakEmail} is set when they differ. */
    public record Comparison(Outcome outcome, String keycloakEmail) implements java.io.Serializable {
        public enum Outcome { SAME, DIFFERENT, NOT_LINKED, UNAVAILABLE }
    }

    /** What came of changing an address. {@code failure} and {@code detail} explain a Keycloak refusal. */
    public record Change(Outcome outcome, ResetFailure failure, String detail) {
        public enum Outcome { CHANGED, UNCHANGED, NOT_AN_ADDRESS, TOO_LONG, KEYCLOAK_REFUSED }
    }

    @Inject
    KeycloakAccounts keycloak;

    @Inject
    CrmUsers users;

    @Inject
    SignedInAdmin admins;

    @Inject
    CrmUserUpdates crmSide;

    /** Compares the addresses (a call to Keycloak); never throws for Keycloak's sake. */
    public Comparison compare(long crmUserId) {
        CrmUser user = users.find(crmUserId).orElseThrow(() -> new UnknownUserException(crmUserId));
        if (!user.isLinked()) {
            return new Comparison(Comparison.Outcome.NOT_LINKED, null);
        }
        Optional<String> keycloakEmail;
        try {
            keycloakEmail = keycloak.emailOf(user.getKeycloakId());
        } catch (KeycloakCallException e) {
            return new Comparison(Comparison.Outcome.UNAVAILABLE, null);
        }
        String crmEmail = user.getEmail() == null ? "" : user.getEmail().strip().toLowerCase(Locale.ROOT);
        String theirs = keycloakEmail.orElse("");
        return crmEmail.equals(theirs.strip().toLowerCase(Locale.ROOT))
                ? new Comparison(Comparison.Outcome.SAME, null)
                : new Comparison(Comparison.Outcome.DIFFERENT, theirs);
    }

    /**
     * Sets the address in Keycloak first and then in the CRM, so that a refusal by Keycloak changes nothing
     * and the two never end up different because of this change.
     */
    public Change change(long crmUserId, String typed) {
        return change(crmUserId, typed, admins.require());
    }

    /** Changes on behalf of {@code admin}, whose role the caller checked. */
    Change change(long crmUserId, String typed, String admin) {
        String email = typed == null ? "" : typed.strip();
        List<EmailAdvice.Kind> problems = EmailAdvice.check(email).stream().map(EmailAdvice.Warning::kind).toList();
        if (problems.contains(EmailAdvice.Kind.TOO_LONG)) {
            return new Change(Change.Outcome.TOO_LONG, null, null);
        }
        if (email.isEmpty() || problems.contains(EmailAdvice.Kind.NOT_AN_ADDRESS) || problems.contains(EmailAdvice.Kind.SPACES)) {
            return new Change(Change.Outcome.NOT_AN_ADDRESS, null, null);
        }
        CrmUser user = users.find(crmUserId).orElseThrow(() -> new UnknownUserException(crmUserId));
        // Keycloak is asked only when its answer decides: the same address in the CRM may still differ there.
        if (email.equalsIgnoreCase(String.valueOf(user.getEmail()))
                && (!user.isLinked() || compare(crmUserId).outcome() == Comparison.Outcome.SAME)) {
            return new Change(Change.Outcome.UNCHANGED, null, null);
        }
        if (user.isLinked()) {
            try {
                keycloak.changeEmail(user.getKeycloakId(), email);
            } catch (KeycloakCallException e) {
                return new Change(Change.Outcome.KEYCLOAK_REFUSED, e.failure(), e.keycloakMessage());
            }
        }
        crmSide.changeEmail(crmUserId, email, admin, user.isLinked());
        LOG.info(() -> admin + " changed the email address of CRM user " + crmUserId + (user.isLinked() ? " and its Keycloak account" : ""));
        return new Change(Change.Outcome.CHANGED, null, null);
    }
}
