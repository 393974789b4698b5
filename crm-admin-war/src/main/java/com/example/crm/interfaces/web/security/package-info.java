/** Sign-in to the admin pages through OpenID Connect against Keycloak, and sign-out. */
package com.example.crm.interfaces.web.security;
