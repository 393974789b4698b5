#!/bin/sh
# The Keycloak image's entry point: Keycloak as built into the image, configured by KC_* variables (KC_DB_URL,
# KC_DB_USERNAME, KC_DB_PASSWORD, KC_HOSTNAME, ...). A realm file mounted into /opt/keycloak/data/import is imported
# when that realm does not exist yet.
set -eu
if ls /opt/keycloak/data/import/*.json >/dev/null 2>&1; then
  set -- --import-realm "$@"
fi
exec /opt/keycloak/bin/kc.sh start --optimized "$@"
