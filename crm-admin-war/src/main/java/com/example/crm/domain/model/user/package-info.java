/** CRM user accounts: who they are, whether they are active, and how they link to their Keycloak account. */
package com.example.crm.domain.model.user;
