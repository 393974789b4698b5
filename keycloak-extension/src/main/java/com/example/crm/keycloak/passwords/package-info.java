/**
 * The realm's list of common and breached passwords: shipped in this JAR and put where Keycloak's own
 * {@code passwordBlacklist} password policy reads its lists.
 */
package com.example.crm.keycloak.passwords;
