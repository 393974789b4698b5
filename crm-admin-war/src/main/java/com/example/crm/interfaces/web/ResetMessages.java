package com.example.crm.interfaces.web;

import com.example.crm.application.LockOutAttempt;
import com.example.crm.application.ResetAttempt;
import com.example.crm.domain.model.bulk.BulkRunItem;
import com.example.crm.domain.model.reset.LockOut;
import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.reset.ResetKind;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.user.EmailAdvice;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The words an admin reads about a reset attempt and its user, from the page bundle. */
public final class ResetMessages {

    public static final String BUNDLE = "com.example.crm.interfaces.web.messages";

    private final ResourceBundle bundle;

    public ResetMessages(Locale locale) {
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    /** In the language of the page being rendered. */
    public static ResetMessages forCurrentView() {
        return new ResetMessages(FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public String successTitle() {
        return bundle.getString("reset.sent.title");
    }

    public String successText() {
        return bundle.getString("reset.sent.text");
    }

    public String failureTitle() {
        return bundle.getString("reset.failed.title");
    }

    /** The profile's user was deleted while the admin had it open. */
    public String userGoneText() {
        return bundle.getString("reset.failed.userGone");
    }

    /** The CRM's own database did not answer, so nothing was recorded and nothing sent. */
    public String databaseDownText() {
        return bundle.getString("reset.failed.databaseDown");
    }

    /** Why no link was sent, naming the user and, where Keycloak said something, Keycloak's words. */
    public String failureText(ResetAttempt.Failed failed) {
        return failureText(failed.failure(), failed.userName(), failed.detail());
    }

    /** Why an attempt sent nothing, with Keycloak's words, and how far a lock-out got; empty for a plain link sent. */
    public String failureText(ResetRequest request) {
        String name = request.getUser().getFullName();
        if (request.getFailure() != null) {
            String text = failureText(request.getFailure(), name, request.getKeycloakError());
            return request.getKind() == ResetKind.LOCK_OUT ? text + " " + lockOutUnchanged(name) : text;
        }
        return request.getLockOut() == null ? "" : bundle.getString("lockOut.audit." + request.getLockOut().name());
    }

    public String lockOutDoneTitle() {
        return bundle.getString("lockOut.done.title");
    }

    public String lockOutDoneText(String userName) {
        return MessageFormat.format(bundle.getString("lockOut.done.text"), userName);
    }

    /** Said after why no link was sent: the lock-out changed nothing. */
    public String lockOutUnchanged(String userName) {
        return MessageFormat.format(bundle.getString("lockOut.unchanged"), userName);
    }

    /** A link or lock-out was requested a moment ago (a double click, or another admin): nothing more was done. */
    public String lockOutDuplicateText(String userName) {
        return MessageFormat.format(bundle.getString("lockOut.duplicate"), userName);
    }

    /** The CRM's own database did not answer, so nothing was sent and nothing revoked. */
    public String lockOutDatabaseDownText() {
        return bundle.getString("lockOut.databaseDown");
    }

    public String lockOutPartialTitle() {
        return bundle.getString("lockOut.partial.title");
    }

    /** The link went out but the lock-out stopped short: what works still, why, and what to do. */
    public String lockOutPartialText(String userName, LockOutAttempt attempt) {
        LockOut where = attempt.lockOut();
        String cause = bundle.containsKey("lockOut.cause." + attempt.failure())
                ? bundle.getString("lockOut.cause." + attempt.failure()) : bundle.getString("lockOut.cause.other");
        if (attempt.detail() != null && !attempt.detail().isBlank()) {
            cause += " " + MessageFormat.format(bundle.getString("reset.failure.keycloakSaid"), attempt.detail());
        }
        return MessageFormat.format(bundle.getString("lockOut." + where.name()), userName, cause);
    }

    /** Why a bulk run skipped or failed a user; empty when it was sent or is still waiting. */
    public String bulkReason(BulkRunItem item) {
        if (item.getFailure() != null) {
            return failureText(item.getFailure(), item.getUser().getFullName(), item.getDetail());
        }
        return item.getSkipReason() == null ? "" : bundle.getString("bulk.skip." + item.getSkipReason().name());
    }

    public String bulkNotStartedTitle() {
        return bundle.getString("bulk.notStarted.title");
    }

    /** The page no longer knew what was selected (its state was pushed out of the session), so nothing was sent. */
    public String bulkSelectionForgottenText() {
        return bundle.getString("bulk.notStarted.forgotten");
    }

    /** Why a bulk run was not started: nobody selected, or more than {@code max} users. */
    public String bulkNotStartedText(long selected, int max) {
        return MessageFormat.format(bundle.getString(selected == 0 ? "bulk.notStarted.none" : "bulk.notStarted.tooMany"),
                max, selected);
    }

    public String failureText(ResetFailure failure, String userName, String detail) {
        String text = MessageFormat.format(bundle.getString("reset.failure." + failure.name()), userName);
        if (detail != null && !detail.isBlank()) {
            text += " " + MessageFormat.format(bundle.getString("reset.failure.keycloakSaid"), detail);
        }
        return text;
    }

    /** Why an email address may be mistyped, with the corrected address when there is one. */
    public String emailWarning(EmailAdvice.Warning warning) {
        String key = "email.warning." + warning.kind();
        return warning.suggestion() == null
                ? bundle.getString(key)
                : MessageFormat.format(bundle.getString(key + ".suggest"), warning.suggestion());
    }

    /** Ready text for a support ticket about a sent link. */
    /** Who sent the link, in the ticket's text, when the user asked for it on the sign-in page. */
    public String ticketSentByUser() {
        return bundle.getString("ticket.byUser");
    }

    public String ticketText(String userName, String maskedEmail, String sentAt, String sentBy, String worksUntil) {
        return MessageFormat.format(bundle.getString("ticket.text"), userName, maskedEmail, sentAt, sentBy, worksUntil);
    }

    public String rateLimitedTitle() {
        return bundle.getString("reset.rateLimited.title");
    }

    public String rateLimitedText(String userName, int limit, String retryAt) {
        return MessageFormat.format(bundle.getString("reset.rateLimited.text"), userName, limit, retryAt);
    }

    public String emailChangedTitle() {
        return bundle.getString("email.changed.title");
    }

    public String emailChangedText(boolean inKeycloakToo) {
        return bundle.getString(inKeycloakToo ? "email.changed.both" : "email.changed.crmOnly");
    }

    public String emailUnchangedTitle() {
        return bundle.getString("email.unchanged.title");
    }

    public String emailUnchangedText() {
        return bundle.getString("email.unchanged.text");
    }

    public String emailNotChangedTitle() {
        return bundle.getString("email.notChanged.title");
    }

    public String emailNotAnAddress() {
        return bundle.getString("email.notChanged.notAnAddress");
    }

    public String emailTooLong() {
        return bundle.getString("email.notChanged.tooLong");
    }

    /** Keycloak's refusal, in its own words when it gave some. */
    public String emailKeycloakRefused(String keycloakSaid) {
        String text = bundle.getString("email.notChanged.keycloak");
        if (keycloakSaid != null && !keycloakSaid.isBlank()) {
            text += " " + MessageFormat.format(bundle.getString("reset.failure.keycloakSaid"), keycloakSaid);
        }
        return text;
    }

    public String duplicateTitle() {
        return bundle.getString("reset.duplicate.title");
    }

    public String duplicateText(String userName) {
        return MessageFormat.format(bundle.getString("reset.duplicate.text"), userName);
    }
}
