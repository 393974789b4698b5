package com.example.crm.interfaces.web.settings.audit;

import com.example.crm.domain.model.reset.AuditSearch;
import com.example.crm.domain.model.reset.ResetRequest;
import com.example.crm.domain.model.reset.ResetRequests;
import com.example.crm.domain.model.reset.ResetStatus;
import com.example.crm.domain.model.user.EmailChange;
import com.example.crm.domain.model.user.EmailChanges;
import com.example.crm.interfaces.web.DisplayTimes;
import com.example.crm.interfaces.web.ExternallyFilteredModel;
import com.example.crm.interfaces.web.ResetMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Settings → Audit log: every reset attempt and every change of an email address, filtered and paged in the
 * database, newest first.
 */
@Named
@ViewScoped
public class AuditLogBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String TABLE_ID = ":audit-form:attempts";
    private static final String CHANGES_TABLE_ID = ":audit-form:email-changes";

    @Inject
    ResetRequests requests;

    @Inject
    EmailChanges emailChanges;

    @Inject
    DisplayTimes times;

    private String user = "";
    private String admin = "";
    private ResetStatus outcome;
    private LocalDate from;
    private LocalDate to;
    private final LazyDataModel<ResetRequest> model = new AttemptsPage();
    private final LazyDataModel<EmailChange> emailChangesModel = new EmailChangesPage();

    public LazyDataModel<ResetRequest> getModel() {
        return model;
    }

    public LazyDataModel<EmailChange> getEmailChangesModel() {
        return emailChangesModel;
    }

    public ResetStatus[] getOutcomes() {
        return ResetStatus.values();
    }

    /** A filter changed: show the first page of the new result. */
    public void filterChanged() {
        ExternallyFilteredModel.showFirstPage(TABLE_ID);
        ExternallyFilteredModel.showFirstPage(CHANGES_TABLE_ID);
    }

    /** The reason an attempt sent nothing, in the admin's words; empty when it was sent. */
    public String reason(ResetRequest request) {
        return ResetMessages.forCurrentView().failureText(request);
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user == null ? "" : user;
    }

    public String getAdmin() {
        return admin;
    }

    public void setAdmin(String admin) {
        this.admin = admin == null ? "" : admin;
    }

    public ResetStatus getOutcome() {
        return outcome;
    }

    public void setOutcome(ResetStatus outcome) {
        this.outcome = outcome;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    private final class AttemptsPage extends ExternallyFilteredModel<ResetRequest> {

        private static final long serialVersionUID = 1L;

        @Override
        protected long countMatching() {
            return requests.count(searchFor(0, 1));
        }

        @Override
        protected List<ResetRequest> page(int first, int pageSize, Map<String, SortMeta> sortBy) {
            return requests.search(searchFor(first, pageSize));
        }

        @Override
        protected Long idOf(ResetRequest request) {
            return request.getId();
        }

    }

    /** Email changes have no outcome: they follow the user, admin and date filters. */
    private final class EmailChangesPage extends ExternallyFilteredModel<EmailChange> {

        private static final long serialVersionUID = 1L;

        @Override
        protected long countMatching() {
            return emailChanges.count(searchFor(0, 1));
        }

        @Override
        protected List<EmailChange> page(int first, int pageSize, Map<String, SortMeta> sortBy) {
            return emailChanges.search(searchFor(first, pageSize));
        }

        @Override
        protected Long idOf(EmailChange change) {
            return change.getId();
        }
    }

    private AuditSearch searchFor(int first, int pageSize) {
        // Dates are whole days in the display zone; "to" includes its own day.
        Instant start = from == null ? null : from.atStartOfDay(times.zone()).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(times.zone()).toInstant();
        return new AuditSearch(user, admin, outcome, start, end, first, pageSize);
    }
}
