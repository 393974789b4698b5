/**
 * The reset link expiry policy: how long a reset link may live, and whether only the newest one works.
 * Pure decisions here; the Keycloak SPIs that apply them live in the sub-packages.
 */
package com.example.crm.keycloak.policy;
