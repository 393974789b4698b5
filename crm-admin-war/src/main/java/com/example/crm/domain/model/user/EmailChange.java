package com.example.crm.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

/** One change of a user's email address: who made it and when, the old and new address masked. */
@Entity
@Table(name = "email_change")
public class EmailChange implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "emailChangeIds")
    @SequenceGenerator(name = "emailChangeIds", sequenceName = "email_change_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "crm_user_id", nullable = false)
    private CrmUser user;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "old_email")
    private String oldEmail;

    @Column(name = "new_email", nullable = false)
    private String newEmail;

    @Column(name = "in_keycloak", nullable = false)
    private boolean inKeycloak;

    protected EmailChange() {
        // for JPA
    }

    /** The change of {@code user}'s address from {@code from} to {@code to}; the addresses are kept masked. */
    public EmailChange(CrmUser user, String changedBy, Instant changedAt, String from, String to, boolean inKeycloak) {
        this.user = user;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.oldEmail = from == null || from.isBlank() ? null : EmailAdvice.masked(from);
        this.newEmail = EmailAdvice.masked(to);
        this.inKeycloak = inKeycloak;
    }

    public Long getId() {
        return id;
    }

    public CrmUser getUser() {
        return user;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    /** The address before, masked; null when the user had none. */
    public String getOldEmail() {
        return oldEmail;
    }

    /** The address after, masked. */
    public String getNewEmail() {
        return newEmail;
    }

    /** Whether the user's Keycloak account was changed too (it is, for a linked user). */
    public boolean isInKeycloak() {
        return inKeycloak;
    }
}
