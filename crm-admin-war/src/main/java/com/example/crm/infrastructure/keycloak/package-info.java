/**
 * Keycloak's admin API behind the application's {@code KeycloakAccounts} port, the meaning of its errors, and its
 * stored events read as reports.
 */
package com.example.crm.infrastructure.keycloak;
