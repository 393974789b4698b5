package com.example.crm.domain.model.user;

import com.example.crm.domain.model.reset.ResetRequest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.Locale;

/** A person who uses the CRM. Linked to a Keycloak account by its Keycloak user id, when it has one. */
@Entity
@Table(name = "crm_user")
public class CrmUser implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crmUserIds")
    @SequenceGenerator(name = "crmUserIds", sequenceName = "crm_user_seq", allocationSize = 1)
    private Long id;

    @Column(name = "keycloak_id")
    private String keycloakId;

    @Column(nullable = false)
    private String username;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UserStatus status;

    @Column(nullable = false)
    private String role;

    // Lower-cased "first last email", so that one indexed-friendly LIKE searches name and email.
    @Column(name = "search_key", nullable = false)
    private String searchKey;

    // The user's latest reset attempt, kept here so the users list can show and filter it with a join, not a subquery.
    // ResetRequest.user points back at this user: the circle is deliberate and safe because both sides are lazy,
    // nothing cascades along either, and only ResetLedger.open sets this, under the user's row lock.
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "last_reset_request_id")
    private ResetRequest lastReset;

    @Version
    private long version;

    protected CrmUser() {
    }

    public CrmUser(String username, String firstName, String lastName, String email, boolean active, String role,
                   String keycloakId) {
        this.username = username;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.status = active ? UserStatus.ACTIVE : UserStatus.INACTIVE;
        this.role = role;
        this.keycloakId = keycloakId;
        updateSearchKey();
    }

    @PrePersist
    @PreUpdate
    void updateSearchKey() {
        searchKey = searchKeyOf(firstName, lastName, email);
    }

    public static String searchKeyOf(String firstName, String lastName, String email) {
        return String.join(" ", firstName, lastName, email == null ? "" : email).strip().toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    /** The latest reset attempt for this user, whatever its outcome, or null. */
    public ResetRequest getLastReset() {
        return lastReset;
    }

    public void recordResetAttempt(ResetRequest attempt) {
        this.lastReset = attempt;
    }

    /** The Keycloak user id, or null when the account is not linked. */
    public String getKeycloakId() {
        return keycloakId;
    }

    public boolean isLinked() {
        return keycloakId != null && !keycloakId.isBlank();
    }

    public String getUsername() {
        return username;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getFullName() {
        return firstName + " " + lastName;
    }

    /** A new address, as typed by an admin (trimmed); the search key follows on save. */
    public void changeEmail(String newEmail) {
        this.email = newEmail == null || newEmail.isBlank() ? null : newEmail.strip();
    }

    /** The email address, or null. */
    public String getEmail() {
        return email;
    }

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }

    public UserStatus getStatus() {
        return status;
    }

    public String getRole() {
        return role;
    }
}
