package com.example.crm.domain.model.user;

/** Whether a CRM account may be used. */
public enum UserStatus {
    ACTIVE, INACTIVE
}
