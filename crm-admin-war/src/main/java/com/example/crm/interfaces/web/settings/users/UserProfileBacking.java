package com.example.crm.interfaces.web.settings.users;

import com.example.crm.application.AccountLockOut;
import com.example.crm.application.LinkReconciliation;
import com.example.crm.application.LockOutAttempt;
import com.example.crm.application.PasswordResetService;
import com.example.crm.application.ResetAttempt;
import com.example.crm.application.UnknownUserException;
import com.example.crm.application.UserEmails;
import com.example.crm.domain.model.reset.LockOut;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import com.example.crm.domain.model.reset.ResetStatus;
import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.CrmUsers;
import com.example.crm.domain.model.user.EmailAdvice;
import com.example.crm.interfaces.web.DatabaseOutage;
import com.example.crm.interfaces.web.DisplayTimes;
import com.example.crm.interfaces.web.Notifications;
import com.example.crm.interfaces.web.ResetMessages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A user's profile: who they are, their last reset link, and More → Send Reset Link. */
@Named
@ViewScoped
public class UserProfileBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(UserProfileBacking.class.getName());
    private static final int HISTORY_SIZE = 10;

    @Inject
    CrmUsers users;

    @Inject
    ResetRequests resetRequests;

    @Inject
    PasswordResetService resets;

    @Inject
    AccountLockOut lockOuts;

    @Inject
    DisplayTimes times;

    @Inject
    LinkReconciliation reconciliation;

    @Inject
    UserEmails emails;

    private Long id;
    private boolean reconciling;
    private UserEmails.Comparison emailComparison;
    // The link state this page shows, so that a live update re-renders it only when it changed.
    private String shownLinkState;
    // Loaded once per view (the page reads them many times per render); forgotten when a send changes them.
    private transient CrmUser user;
    private transient Optional<ResetRequest> lastSent;
    private transient List<ResetRequest> history;

    /** The view parameter as typed in the URL; anything but a number leaves no id, hence a 404. */
    public String getIdParam() {
        Long current = id();
        return current == null ? null : current.toString();
    }

    /** The user's id: from the view parameter, or again from the URL when this bean was made anew mid-view. */
    Long id() {
        if (id == null) {
            id = ViewIds.fromRequest("id");
        }
        return id;
    }

    public void setIdParam(String value) {
        id = ViewIds.parse(value);
    }

    /**
     * View action: a missing or unknown id is a 404, not an empty page. An open link is checked against
     * Keycloak's stored events in the background, in case the CRM missed a report.
     */
    public void load() throws IOException {
        if (id() == null || users.find(id()).isEmpty()) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such user");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        shownLinkState = linkState();
        if (hasLinkToCheck()) {
            reconciliation.reconcileInBackground(id());
            reconciling = true;
        }
    }

    /** The last link may still work, or its sending is not confirmed yet: Keycloak's events may know more. */
    private boolean hasLinkToCheck() {
        return (getLastSent() != null && getLastSent().isOpen())
                || resetRequests.latestFor(id()).filter(ResetRequest::isUnconfirmed).isPresent();
    }

    /** A background check was started when the page loaded; it may finish before the page listens for pushes. */
    public boolean isReconciling() {
        return reconciling;
    }

    public CrmUser getUser() {
        if (user == null && id() != null) {
            user = users.find(id()).orElse(null);
        }
        return user;
    }

    /** The latest link that was sent, or null. */
    public ResetRequest getLastSent() {
        if (lastSent == null) {
            // The history is read in the same order (newest first): its first emailed request is the latest one sent,
            // which saves a query per page and per click; only a history with none emailed needs the database again.
            lastSent = getHistory().stream().filter(request -> request.getStatus().wasEmailed()).findFirst()
                    .or(() -> getHistory().size() < HISTORY_SIZE ? Optional.empty() : resetRequests.latestSentFor(id()));
        }
        return lastSent.orElse(null);
    }

    public List<ResetRequest> getHistory() {
        if (history == null) {
            history = resetRequests.historyFor(id(), HISTORY_SIZE);
        }
        return history;
    }

    public void sendResetLink() {
        ResetAttempt attempt;
        try {
            attempt = resets.sendResetLink(id());
        } catch (UnknownUserException e) {
            Notifications.error(words().failureTitle(), words().userGoneText());
            return;
        } catch (RuntimeException e) {
            databaseDown(e, words().databaseDownText());
            return;
        }
        tell(attempt, "");
        showNewState();
    }

    /** More → Lock out and send reset link, once the admin confirmed what it does. */
    public void lockOut() {
        ResetMessages words = words();
        LockOutAttempt attempt;
        try {
            attempt = lockOuts.lockOut(id());
        } catch (UnknownUserException e) {
            Notifications.error(words.failureTitle(), words.userGoneText());
            return;
        } catch (RuntimeException e) {
            databaseDown(e, words.lockOutDatabaseDownText());
            return;
        }
        String userName = getUser().getFullName();
        if (attempt.lockOut() == LockOut.DONE) {
            Notifications.success(words.lockOutDoneTitle(), words.lockOutDoneText(userName));
        } else if (attempt.lockOut() != null) {
            Notifications.error(words.lockOutPartialTitle(), words.lockOutPartialText(userName, attempt));
        } else if (attempt.link() instanceof ResetAttempt.AlreadyRequested) {
            Notifications.warning(words.duplicateTitle(), words.lockOutDuplicateText(userName));
        } else {
            tell(attempt.link(), " " + words.lockOutUnchanged(userName));
        }
        showNewState();
    }

    /**
     * The profile shows the state after a click; while the database does not answer (a link may still have gone out,
     * and the admin has been told), it keeps showing what it showed rather than the error page.
     */
    private void showNewState() {
        CrmUser shownUser = user;
        Optional<ResetRequest> shownLastSent = lastSent;
        List<ResetRequest> shownHistory = history;
        forgetLoadedState();
        try {
            shownLinkState = linkState();
        } catch (RuntimeException e) {
            if (!DatabaseOutage.caused(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, "The profile of CRM user {0} keeps showing its earlier state: the database did not answer",
                    id());
            user = shownUser;
            lastSent = shownLastSent;
            history = shownHistory;
        }
    }

    /** The CRM's database did not answer before anything was sent: say so. Any other failure is not handled here. */
    private void databaseDown(RuntimeException failure, String text) {
        if (!DatabaseOutage.caused(failure)) {
            throw failure;
        }
        LOG.log(Level.WARNING, "Nothing sent for CRM user {0}: the database did not answer ({1})",
                new Object[] {id(), failure.getMessage()});
        Notifications.error(words().failureTitle(), text);
    }

    /** The notification for a link's outcome; {@code more} is said after any refusal or failure. */
    private void tell(ResetAttempt attempt, String more) {
        ResetMessages words = words();
        if (attempt instanceof ResetAttempt.Sent) {
            Notifications.success(words.successTitle(), words.successText());
        } else if (attempt instanceof ResetAttempt.Refused refused) {
            Notifications.error(words.failureTitle(), words.failureText(refused.failure(), refused.userName(), null) + more);
        } else if (attempt instanceof ResetAttempt.Failed failed) {
            Notifications.error(words.failureTitle(), words.failureText(failed) + more);
        } else if (attempt instanceof ResetAttempt.RateLimited limited) {
            Notifications.warning(words.rateLimitedTitle(),
                    words.rateLimitedText(limited.userName(), limited.limit(), times.format(limited.retryAt())) + more);
        } else if (attempt instanceof ResetAttempt.AlreadyRequested duplicate) {
            Notifications.warning(words.duplicateTitle(), words.duplicateText(duplicate.userName()) + more);
        }
    }

    /** Edit email saved a new address: show it, and compare it with Keycloak's again. */
    void emailChanged() {
        forgetLoadedState();
        shownLinkState = linkState();
        emailComparison = emails.compare(id());
    }

    /**
     * Keycloak reported on this user's link (pushed to the page), or the background check may have: re-render the
     * link's part of the page only when what it shows changed, so that an open menu or dialog stays as it is.
     */
    public void refresh() {
        forgetLoadedState();
        String current = linkState();
        if (!current.equals(shownLinkState)) {
            shownLinkState = current;
            PrimeFaces.current().ajax().update("profile-form:link-state");
        }
    }

    /** Everything the link's part of the page shows, in one comparable value. */
    private String linkState() {
        StringBuilder state = new StringBuilder();
        ResetRequest last = getLastSent();
        if (last != null) {
            state.append(describe(last)).append('|');
        }
        getHistory().forEach(request -> state.append(describe(request)).append(';'));
        return state.toString();
    }

    private static String describe(ResetRequest request) {
        return request.getId() + ":" + request.getStatus() + ":" + request.getStatusChangedAt() + ":"
                + request.getSentAt() + ":" + request.getExpiresAt() + ":" + request.getFailure();
    }

    /** The last link no longer works and the user has not set a password: offer to send a new one. */
    public boolean isResendOffered() {
        ResetRequest last = getLastSent();
        return last != null && (last.getStatus() == ResetStatus.EXPIRED || last.getStatus() == ResetStatus.SUPERSEDED);
    }

    /** Runs just after the page shows (a call to Keycloak): does Keycloak send to the address the CRM shows? */
    public void checkKeycloakEmail() {
        emailComparison = emails.compare(id());
    }

    /** Keycloak's address when it differs from the CRM's, else null. */
    public String getKeycloakEmailDiffers() {
        return emailComparison != null && emailComparison.outcome() == UserEmails.Comparison.Outcome.DIFFERENT
                ? emailComparison.keycloakEmail() : null;
    }

    public boolean isKeycloakEmailUnavailable() {
        return emailComparison != null && emailComparison.outcome() == UserEmails.Comparison.Outcome.UNAVAILABLE;
    }

    /** Why the email address may be mistyped, in the admin's words; empty when it looks fine. */
    public List<String> getEmailWarnings() {
        CrmUser current = getUser();
        if (current == null || !current.hasEmail()) {
            return List.of();
        }
        ResetMessages words = words();
        return EmailAdvice.check(current.getEmail()).stream().map(words::emailWarning).toList();
    }

    /** Ready text for the support ticket about the last link sent, or null when there is none. */
    public String getTicketText() {
        ResetRequest last = getLastSent();
        if (last == null) {
            return null;
        }
        CrmUser current = last.getUser();
        ResetMessages words = words();
        String sentBy = last.isRequestedByUser() ? words.ticketSentByUser() : last.getRequestedBy();
        return words.ticketText(current.getFullName(), EmailAdvice.masked(current.getEmail()),
                times.format(last.getRequestedAt()), sentBy, times.format(last.getExpiresAt()));
    }

    private static ResetMessages words() {
        return ResetMessages.forCurrentView();
    }

    private void forgetLoadedState() {
        user = null;
        lastSent = null;
        history = null;
    }

    public String failureText(ResetRequest request) {
        return words().failureText(request);
    }
}
