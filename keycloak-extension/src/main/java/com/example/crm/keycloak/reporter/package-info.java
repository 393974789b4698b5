/**
 * The {@code crm-reset-reporter} event listener: tells the CRM what became of a reset link (sent, expired, invalid,
 * password changed), signed, after Keycloak's transaction, off the request thread, with retries. What a report says
 * and how it is signed is the report contract's ({@code com.example.crm.report}, shaded into this JAR).
 */
package com.example.crm.keycloak.reporter;
