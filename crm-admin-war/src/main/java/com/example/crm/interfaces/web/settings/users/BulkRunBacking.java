package com.example.crm.interfaces.web.settings.users;

import com.example.crm.domain.model.bulk.BulkOutcome;
import com.example.crm.domain.model.bulk.BulkRun;
import com.example.crm.domain.model.bulk.BulkRunItem;
import com.example.crm.domain.model.bulk.BulkRuns;
import com.example.crm.interfaces.web.ResetMessages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** A bulk run's progress and each user's outcome, read from the database on every poll: a reload loses nothing. */
@Named
@ViewScoped
public class BulkRunBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    BulkRuns runs;

    private Long runId;
    // What the page shows, so that a poll re-renders the summary and the table each only when it changed.
    private String shownSummary;
    private String shownItems;
    private transient BulkRun run;
    private transient List<BulkRunItem> items;
    private transient Map<BulkOutcome, Long> counts;

    public String getRunParam() {
        Long current = runId();
        return current == null ? null : current.toString();
    }

    /** The run's id: from the view parameter, or again from the URL when this bean was made anew mid-view. */
    private Long runId() {
        if (runId == null) {
            runId = ViewIds.fromRequest("run");
        }
        return runId;
    }

    public void setRunParam(String value) {
        runId = ViewIds.parse(value);
    }

    /** View action: a missing or unknown run is a 404. */
    public void load() throws IOException {
        if (runId() == null || runs.find(runId()).isEmpty()) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such bulk run");
            FacesContext.getCurrentInstance().responseComplete();
        } else if (!FacesContext.getCurrentInstance().isPostback()) {
            shownSummary = summary();
            shownItems = itemOutcomes();
        }
    }

    /** Poll: read the run again, and re-render only the parts whose data changed. */
    public void refresh() {
        run = null;
        items = null;
        counts = null;
        String summary = summary();
        if (!summary.equals(shownSummary)) {
            shownSummary = summary;
            PrimeFaces.current().ajax().update("bulk-form:summary");
        }
        String itemOutcomes = itemOutcomes();
        if (!itemOutcomes.equals(shownItems)) {
            shownItems = itemOutcomes;
            PrimeFaces.current().ajax().update("bulk-form:items");
        }
    }

    private String summary() {
        StringBuilder summary = new StringBuilder().append(getRun().isFinished());
        for (BulkOutcome outcome : getOutcomes()) {
            summary.append(':').append(count(outcome));
        }
        return summary.toString();
    }

    private String itemOutcomes() {
        StringBuilder outcomes = new StringBuilder();
        getItems().forEach(item -> outcomes.append(item.getId()).append('=').append(item.getOutcome()).append(';'));
        return outcomes.toString();
    }

    public BulkRun getRun() {
        if (run == null) {
            run = runs.find(runId()).orElseThrow();
        }
        return run;
    }

    public List<BulkRunItem> getItems() {
        if (items == null) {
            items = runs.items(runId());
        }
        return items;
    }

    public long count(BulkOutcome outcome) {
        if (counts == null) {
            counts = runs.countByOutcome(runId());
        }
        return counts.getOrDefault(outcome, 0L);
    }

    public long getDone() {
        return getRun().getTotal() - count(BulkOutcome.PENDING);
    }

    public int getPercent() {
        int total = getRun().getTotal();
        return total == 0 ? 100 : (int) (getDone() * 100 / total);
    }

    public BulkOutcome[] getOutcomes() {
        return new BulkOutcome[] {BulkOutcome.SENT, BulkOutcome.SKIPPED, BulkOutcome.FAILED, BulkOutcome.PENDING};
    }

    /** Why a user was skipped or failed, in the admin's words. */
    public String reason(BulkRunItem item) {
        return ResetMessages.forCurrentView().bulkReason(item);
    }
}
