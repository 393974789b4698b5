/** Keycloak's admin API behind the application's {@code IdentityProvider} port, and the meaning of its errors. */
package com.example.crm.infrastructure.keycloak;
