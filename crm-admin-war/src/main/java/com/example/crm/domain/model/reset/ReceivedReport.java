package com.example.crm.domain.model.reset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A report from Keycloak that the CRM has applied, kept by Keycloak's event id so a repeat is ignored. */
@Entity
@Table(name = "received_report")
public class ReceivedReport implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    private String id;

    @Column(nullable = false)
    private String type;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected ReceivedReport() {
    }

    public ReceivedReport(String id, String type, Instant receivedAt) {
        this.id = id;
        this.type = type;
        this.receivedAt = receivedAt;
    }

    public String getId() {
        return id;
    }
}
