/** The action token handler SPI: Keycloak's execute-actions and reset-credentials handlers, with the policy checked when a reset link is used. */
package com.example.crm.keycloak.policy.token;
