/**
 * Use cases of the CRM admin pages: sending reset links (one or in bulk), applying what Keycloak reports about them
 * (already verified at the REST edge) and recovering what it missed, and the port to Keycloak.
 */
package com.example.crm.application;
