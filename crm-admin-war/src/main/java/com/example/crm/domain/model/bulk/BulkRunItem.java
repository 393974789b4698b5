package com.example.crm.domain.model.bulk;

import com.example.crm.domain.model.reset.ResetFailure;
import com.example.crm.domain.model.user.CrmUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One user in a bulk run, and what became of them. */
@Entity
@Table(name = "bulk_run_item")
public class BulkRunItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final int DETAIL_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bulkRunItemIds")
    @SequenceGenerator(name = "bulkRunItemIds", sequenceName = "bulk_run_item_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "bulk_run_id", nullable = false)
    private BulkRun run;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "crm_user_id", nullable = false)
    private CrmUser user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BulkOutcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "skip_reason")
    private SkipReason skipReason;

    @Enumerated(EnumType.STRING)
    private ResetFailure failure;

    private String detail;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected BulkRunItem() {
    }

    BulkRunItem(BulkRun run, CrmUser user) {
        this.run = run;
        this.user = user;
        this.outcome = BulkOutcome.PENDING;
    }

    public void sent(Instant now) {
        finish(BulkOutcome.SENT, null, null, null, now);
    }

    public void skipped(SkipReason reason, ResetFailure failure, Instant now) {
        finish(BulkOutcome.SKIPPED, reason, failure, null, now);
    }

    public void failed(ResetFailure failure, String keycloakMessage, Instant now) {
        finish(BulkOutcome.FAILED, null, failure, keycloakMessage, now);
    }

    private void finish(BulkOutcome outcome, SkipReason reason, ResetFailure failure, String detail, Instant now) {
        if (this.outcome != BulkOutcome.PENDING) {
            throw new IllegalStateException("Bulk item " + id + " is already " + this.outcome);
        }
        this.outcome = outcome;
        this.skipReason = reason;
        this.failure = failure;
        this.detail = detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX);
        this.finishedAt = now;
    }

    public Long getId() {
        return id;
    }

    public BulkRun getRun() {
        return run;
    }

    public CrmUser getUser() {
        return user;
    }

    public BulkOutcome getOutcome() {
        return outcome;
    }

    public SkipReason getSkipReason() {
        return skipReason;
    }

    public ResetFailure getFailure() {
        return failure;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
