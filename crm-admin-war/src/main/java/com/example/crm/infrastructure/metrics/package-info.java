/**
 * The CRM's application metrics (MicroProfile Metrics, scope application, on the server's {@code /metrics}): outcomes
 * of resets, links and Keycloak's reports, bulk items, and Keycloak call times. Tags come from bounded sets only.
 */
package com.example.crm.infrastructure.metrics;
