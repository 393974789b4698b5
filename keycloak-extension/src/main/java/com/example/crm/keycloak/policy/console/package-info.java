/** The policy's tab in Keycloak's admin console (Realm settings → CRM reset links), through the UI tab SPI. */
package com.example.crm.keycloak.policy.console;
