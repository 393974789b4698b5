/**
 * The CRM's small HTTP API: health, the session probe for the pages, and the callback for Keycloak's reports, whose
 * signature is checked and body read here, with the report contract ({@code com.example.crm.report}).
 */
package com.example.crm.interfaces.rest;
