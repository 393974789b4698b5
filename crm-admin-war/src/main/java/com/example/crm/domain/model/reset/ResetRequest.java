package com.example.crm.domain.model.reset;

import com.example.crm.domain.model.user.CrmUser;
import com.example.crm.domain.model.user.EmailAdvice;
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
import java.time.Duration;
import java.time.Instant;

/** One attempt to send a user a password reset link, recorded before Keycloak is called. */
@Entity
@Table(name = "reset_request")
public class ResetRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A second click within this time of a sent link is taken as the same request. */
    public static final Duration DUPLICATE_WINDOW = Duration.ofSeconds(10);
    /** A request still REQUESTED after this long is taken as abandoned (the server stopped mid-call). */
    public static final Duration IN_FLIGHT_LIMIT = Duration.ofSeconds(60);
    /**
     * A request whose sending neither the CRM nor Keycloak's reports or stored events confirmed within this long is
     * closed as "may or may not have been sent" (a confirmation arriving later still turns it into SENT).
     */
    public static final Duration UNCONFIRMED_LIMIT = Duration.ofMinutes(15);
    private static final int KEYCLOAK_ERROR_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "resetRequestIds")
    @SequenceGenerator(name = "resetRequestIds", sequenceName = "reset_request_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "crm_user_id", nullable = false)
    private CrmUser user;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "lifespan_seconds", nullable = false)
    private long lifespanSeconds;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ResetStatus status;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @Enumerated(EnumType.STRING)
    private ResetFailure failure;

    @Column(name = "keycloak_error")
    private String keycloakError;

    // Where the attempt was addressed (masked), as the CRM knew the user's address then.
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ResetKind kind = ResetKind.LINK;

    @Enumerated(EnumType.STRING)
    @Column(name = "lock_out")
    private LockOut lockOut;

    @Enumerated(EnumType.STRING)
    @Column(name = "lock_out_failure")
    private ResetFailure lockOutFailure;

    protected ResetRequest() {
    }

    private ResetRequest(CrmUser user, String requestedBy, Instant now, Duration lifespan) {
        this.user = user;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.lifespanSeconds = lifespan.toSeconds();
        this.status = ResetStatus.REQUESTED;
        this.statusChangedAt = now;
        this.recipient = user.hasEmail() ? EmailAdvice.masked(user.getEmail()) : null;
    }

    public static ResetRequest requested(CrmUser user, String requestedBy, Instant now, Duration lifespan) {
        return new ResetRequest(user, requestedBy, now, lifespan);
    }

    /**
     * A link the user asked for on Keycloak's sign-in page, recorded when Keycloak reports it sent ({@code requestedBy}
     * is the user's own name). Without the expiry Keycloak enforced (a report recovered from its stored events), the
     * 24-hour ceiling on every link stands in.
     */
    public static ResetRequest askedForByUser(CrmUser user, Instant sentAt, Instant expiresAt) {
        Instant expiry = expiresAt != null ? expiresAt : sentAt.plus(Duration.ofHours(24));
        ResetRequest request = new ResetRequest(user, user.getUsername(), sentAt, Duration.between(sentAt, expiry));
        request.kind = ResetKind.SELF_SERVICE;
        request.sent(sentAt);
        return request;
    }

    /** Asked for by the user, not by an admin: pages say "by the user" instead of a name. */
    public boolean isRequestedByUser() {
        return kind == ResetKind.SELF_SERVICE;
    }

    /** Recorded as this kind of attempt (a lock-out is its own kind in the audit log). */
    public ResetRequest ofKind(ResetKind attemptKind) {
        this.kind = attemptKind;
        return this;
    }

    /** How far the lock-out got after its link was sent; {@code failure} says why it stopped short, or is null. */
    public void recordLockOut(LockOut outcome, ResetFailure failure) {
        if (kind != ResetKind.LOCK_OUT) {
            throw new IllegalStateException("Reset request " + id + " is a plain link, not a lock-out");
        }
        lockOut = outcome;
        lockOutFailure = failure;
    }

    public static ResetRequest refused(CrmUser user, String requestedBy, Instant now, Duration lifespan,
                                       ResetFailure failure) {
        ResetRequest request = new ResetRequest(user, requestedBy, now, lifespan);
        request.markFailed(failure, null, now);
        return request;
    }

    /** Turned away by the hourly limit: recorded, never sent. */
    public static ResetRequest rateLimited(CrmUser user, String requestedBy, Instant now, Duration lifespan) {
        ResetRequest request = new ResetRequest(user, requestedBy, now, lifespan);
        request.status = ResetStatus.RATE_LIMITED;
        return request;
    }

    public void markSent(Instant now) {
        requireRequested();
        sent(now);
    }

    /** Keycloak says it sent this link at {@code at}: also when the CRM never heard back, or closed it as unconfirmed. */
    public void confirmSent(Instant at) {
        if (!isUnconfirmed()) {
            throw new IllegalStateException("Reset request " + id + " is " + status + ", not waiting for a confirmation");
        }
        sent(at);
        failure = null;
        keycloakError = null;
    }

    /** Sent as far as Keycloak may know, but not recorded as sent: in flight, cut short, or closed as unconfirmed. */
    public boolean isUnconfirmed() {
        return status == ResetStatus.REQUESTED || (status == ResetStatus.FAILED && failure == ResetFailure.KEYCLOAK_TIMEOUT);
    }

    /** Nothing confirmed it was sent within {@link #UNCONFIRMED_LIMIT}: closed as "may or may not have been sent". */
    public void markUnconfirmed(Instant now) {
        markFailed(ResetFailure.KEYCLOAK_TIMEOUT, null, now);
    }

    private void sent(Instant now) {
        status = ResetStatus.SENT;
        statusChangedAt = now;
        sentAt = now;
        expiresAt = earlier(expiresAt, requestedAt.plusSeconds(lifespanSeconds));
    }

    /**
     * Keycloak reported the expiry its policy enforces for this link, which is never later than the one asked
     * for. The report may arrive before or after the CRM marks the request sent. True when the expiry changed.
     */
    public boolean applyEnforcedExpiry(Instant enforced) {
        if (status != ResetStatus.REQUESTED && status != ResetStatus.SENT) {
            return false;
        }
        Instant before = expiresAt;
        expiresAt = earlier(expiresAt, enforced);
        return !expiresAt.equals(before);
    }

    private static Instant earlier(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    public void markFailed(ResetFailure reason, String keycloakMessage, Instant now) {
        requireRequested();
        status = ResetStatus.FAILED;
        statusChangedAt = now;
        failure = reason;
        keycloakError = keycloakMessage == null || keycloakMessage.length() <= KEYCLOAK_ERROR_MAX
                ? keycloakMessage : keycloakMessage.substring(0, KEYCLOAK_ERROR_MAX);
    }

    /** Keycloak reported that the user set a new password at {@code at}, with this link as far as the CRM can tell. */
    public void markCompleted(Instant at) {
        close(ResetStatus.COMPLETED, at);
    }

    /** The link stopped working at {@code at}: its time ran out (seen by the CRM, or reported by Keycloak). */
    public void markExpired(Instant at) {
        close(ResetStatus.EXPIRED, at);
    }

    /** A newer link sent at {@code at} made this one stop working. */
    public void markSuperseded(Instant at) {
        close(ResetStatus.SUPERSEDED, at);
    }

    private void close(ResetStatus outcome, Instant at) {
        if (!wasOpenAt(at)) {
            throw new IllegalStateException("Reset request " + id + " is " + status + " since " + statusChangedAt
                    + ", so it cannot become " + outcome + " at " + at);
        }
        status = outcome;
        statusChangedAt = at;
    }

    /** The link was sent and still works, as far as the CRM knows. */
    public boolean isOpen() {
        return status == ResetStatus.SENT;
    }

    /**
     * The link still worked at {@code at}: it is open now, or it was closed (expired or replaced) only after that.
     * A report that arrives late can then still say what really happened first; a completed link stays completed.
     */
    public boolean wasOpenAt(Instant at) {
        return switch (status) {
            case SENT -> true;
            case EXPIRED, SUPERSEDED -> statusChangedAt.isAfter(at);
            case REQUESTED, FAILED, COMPLETED, RATE_LIMITED -> false;
        };
    }

    /** An open link whose expiry has passed. */
    public boolean hasRunOutBy(Instant now) {
        return isOpen() && expiresAt != null && !expiresAt.isAfter(now);
    }

    /** True when a new click should not send another email because this request covers it. */
    public boolean coversClickAt(Instant now) {
        return switch (status) {
            case REQUESTED -> requestedAt.plus(IN_FLIGHT_LIMIT).isAfter(now);
            case SENT -> statusChangedAt.plus(DUPLICATE_WINDOW).isAfter(now);
            case FAILED, COMPLETED, EXPIRED, SUPERSEDED, RATE_LIMITED -> false;
        };
    }

    private void requireRequested() {
        if (status != ResetStatus.REQUESTED) {
            throw new IllegalStateException("Reset request " + id + " is already " + status);
        }
    }

    public Long getId() {
        return id;
    }

    public CrmUser getUser() {
        return user;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Duration getLifespan() {
        return Duration.ofSeconds(lifespanSeconds);
    }

    /** When Keycloak accepted the link for sending; null unless it was sent. Later changes keep it. */
    public Instant getSentAt() {
        return sentAt;
    }

    /** When the link stops working; null until it is sent. */
    public Instant getExpiresAt() {
        return expiresAt;
    }

    public ResetStatus getStatus() {
        return status;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    /** Why no link was sent; null unless FAILED. */
    public ResetFailure getFailure() {
        return failure;
    }

    /** Keycloak's own words about the failure, or null. */
    /** The address the attempt was for, masked; null when the user had none. */
    public String getRecipient() {
        return recipient;
    }

    public String getKeycloakError() {
        return keycloakError;
    }

    public ResetKind getKind() {
        return kind;
    }

    /** How far a lock-out got once its link was sent; null for a plain link, or before the link was sent. */
    public LockOut getLockOut() {
        return lockOut;
    }

    /** Why the lock-out stopped short; null unless it did. */
    public ResetFailure getLockOutFailure() {
        return lockOutFailure;
    }
}
