/**
 * The {@code crm-reset-reporter} event listener: tells the CRM what became of a reset link (sent, expired, invalid,
 * password changed), signed, after Keycloak's transaction, off the request thread, with retries.
 */
package com.example.crm.keycloak.reporter;
