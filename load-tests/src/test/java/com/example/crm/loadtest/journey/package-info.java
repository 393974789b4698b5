/** What one admin does in the CRM, request by request, as a browser sends it (Keycloak's sign-in, Faces ajax). */
package com.example.crm.loadtest.journey;
