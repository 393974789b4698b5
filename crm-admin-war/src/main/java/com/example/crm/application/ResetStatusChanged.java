package com.example.crm.application;

/** CDI event: a report or the expiry sweep changed this CRM user's reset requests (a status or an expiry). */
public record ResetStatusChanged(long crmUserId) {
}
