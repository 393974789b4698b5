/**
 * The CRM's small HTTP API: health, the session probe for the pages, and the callback for Keycloak's reports, whose
 * body (capped), signature and realm are checked and body read here, with the report contract
 * ({@code com.example.crm.report}); refusals are logged at most once a minute per reason.
 */
package com.example.crm.interfaces.rest;
