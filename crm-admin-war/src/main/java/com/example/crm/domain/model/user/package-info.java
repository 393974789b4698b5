/**
 * CRM user accounts: who they are, whether they are active, and how they link to their Keycloak account.
 * A user points at their latest reset attempt (for the users list), and each attempt at its user: see CrmUser.
 */
package com.example.crm.domain.model.user;
