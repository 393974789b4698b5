/** The email template SPI: reset emails state the expiry the policy enforces, and each sent link is recorded. */
package com.example.crm.keycloak.policy.email;
