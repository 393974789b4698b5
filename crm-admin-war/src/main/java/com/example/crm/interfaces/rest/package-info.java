/** The CRM's small HTTP API: health, the session probe for the pages, and the callback for Keycloak's reports. */
package com.example.crm.interfaces.rest;
