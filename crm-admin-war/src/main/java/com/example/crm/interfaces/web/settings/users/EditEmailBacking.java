package com.example.crm.interfaces.web.settings.users;

import com.example.crm.application.UserEmails;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.interfaces.web.Notifications;
import com.example.crm.interfaces.web.ResetMessages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The profile's Edit email dialog: the address is set in Keycloak and in the CRM together, or not at all. */
@Named
@ViewScoped
public class EditEmailBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserEmails emails;

    @Inject
    UserProfileBacking profile;

    private String newEmail;

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

    /** Opens the dialog with the current address. */
    public void start() {
        CrmUser user = profile.getUser();
        newEmail = user == null ? "" : user.getEmail();
    }

    /** Saves the typed address, or says why not and keeps the dialog open with what was typed. */
    public void save() {
        ResetMessages words = ResetMessages.forCurrentView();
        UserEmails.Change change = emails.change(profile.id(), newEmail);
        switch (change.outcome()) {
            case CHANGED -> {
                profile.emailChanged();
                Notifications.success(words.emailChangedTitle(), words.emailChangedText(profile.getUser().isLinked()));
            }
            case UNCHANGED -> Notifications.warning(words.emailUnchangedTitle(), words.emailUnchangedText());
            case NOT_AN_ADDRESS -> {
                Notifications.error(words.emailNotChangedTitle(), words.emailNotAnAddress());
                FacesContext.getCurrentInstance().validationFailed();
            }
            case TOO_LONG -> {
                Notifications.error(words.emailNotChangedTitle(), words.emailTooLong());
                FacesContext.getCurrentInstance().validationFailed();
            }
            case KEYCLOAK_REFUSED -> {
                Notifications.error(words.emailNotChangedTitle(), words.emailKeycloakRefused(change.detail()));
                FacesContext.getCurrentInstance().validationFailed();
            }
        }
    }
}
