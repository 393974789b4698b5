#!/bin/sh
# The CRM image's entry point: writes the post-boot command file that creates jdbc/crm from CRM_DB_URL, CRM_DB_USER
# and CRM_DB_PASSWORD, then runs Payara Micro with the CRM. Every crm.* setting is read from the environment by the
# CRM itself (CRM_BASE_URL, CRM_KEYCLOAK_CLIENT_SECRET, ...).
set -eu
for name in CRM_DB_URL CRM_DB_USER CRM_DB_PASSWORD; do
  eval "value=\${$name:-}"
  if [ -z "$value" ]; then
    echo "crm-admin: $name is not set. Set CRM_DB_URL (e.g. jdbc:postgresql://db:5432/crm), CRM_DB_USER and CRM_DB_PASSWORD." >&2
    exit 2
  fi
done
# asadmin property values escape ':', '=' and '\'. The file is written at start (Payara Micro keeps the same values in
# its own runtime configuration under /tmp), readable by this user only, and nothing of it is in the image.
escape() { printf '%s' "$1" | sed 's/[\\:=]/\\&/g'; }
umask 077
boot=$(mktemp /tmp/crm-post-boot.XXXXXX)
cat >"$boot" <<EOF
create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource --restype=javax.sql.DataSource --isconnectvalidatereq=true --validationmethod=custom-validation --validationclassname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation --failconnection=true --property url=$(escape "$CRM_DB_URL"):user=$(escape "$CRM_DB_USER"):password=$(escape "$CRM_DB_PASSWORD") crm-pool
create-jdbc-resource --connectionpoolid=crm-pool jdbc/crm
EOF
# One instance (--nocluster) keeps its sessions in memory: copying each to the data grid after every request would
# cost every click ~15 ms for a copy no other instance reads.
preboot=$(mktemp /tmp/crm-pre-boot.XXXXXX)
echo 'set configs.config.server-config.availability-service.web-container-availability.availability-enabled=false' >"$preboot"
# JAVA_OPTS: JVM options (heap, ...); PAYARA_ARGS: more Payara Micro options.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -Djava.io.tmpdir=/tmp -jar /opt/app/payara-micro.jar \
  --addLibs /opt/app/postgresql.jar --prebootcommandfile "$preboot" --postbootcommandfile "$boot" \
  --deploy /opt/app/crm.war --contextroot crm --port "${CRM_HTTP_PORT:-8080}" --nocluster --disablephonehome \
  ${PAYARA_ARGS:-}
