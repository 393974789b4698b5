package com.example.crm.domain.model.bulk;

import com.example.crm.domain.model.user.CrmUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** One admin's "Send Reset Link" to many users. Its items are stored, so its progress survives a reload or a restart. */
@Entity
@Table(name = "bulk_run")
public class BulkRun implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bulkRunIds")
    @SequenceGenerator(name = "bulkRunIds", sequenceName = "bulk_run_seq", allocationSize = 1)
    private Long id;

    @Column(name = "started_by", nullable = false)
    private String startedBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(nullable = false)
    private int total;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected BulkRun() {
    }

    private BulkRun(String startedBy, Instant startedAt, int total) {
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.total = total;
    }

    /** A run for these users (each once, in the given order), with one pending item per user. */
    public static Started start(String admin, Instant now, List<CrmUser> users) {
        BulkRun run = new BulkRun(admin, now, users.size());
        return new Started(run, users.stream().map(user -> new BulkRunItem(run, user)).toList());
    }

    /** A new run and its items, to be stored together. */
    public record Started(BulkRun run, List<BulkRunItem> items) {
    }

    public void finish(Instant now) {
        if (finishedAt == null) {
            finishedAt = now;
        }
    }

    public boolean isFinished() {
        return finishedAt != null;
    }

    public Long getId() {
        return id;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public int getTotal() {
        return total;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
