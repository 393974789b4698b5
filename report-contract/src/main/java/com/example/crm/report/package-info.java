/**
 * The contract between Keycloak's {@code crm-reset-reporter} and the CRM's callback: the report and its types, its
 * JSON body, its headers and signature, and which of Keycloak's events become which report. Both sides use this
 * code, so they cannot drift apart.
 */
package com.example.crm.report;
