/**
 * "Forgot password?": Keycloak's reset-credential-email step, with a limit on how many emails one address gets an hour.
 */
package com.example.crm.keycloak.selfservice;
