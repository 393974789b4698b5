# The product's two server images, built from what `mvn package` makes (servers fetched from Maven Central):
#   podman build --target crm-admin -t crm-admin .      Payara Micro 6 with the CRM on PostgreSQL
#   podman build --target keycloak  -t crm-keycloak .   Keycloak with the CRM extension, built for PostgreSQL
# BASE is any Debian bookworm-based image (the JRE comes from Debian's packages). Nothing secret is baked in:
# every setting comes from the environment at run time (README, "Run with containers").
ARG BASE=docker.io/library/debian:bookworm-slim

FROM ${BASE} AS jre
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /opt/app --shell /usr/sbin/nologin app

# Keycloak unpacked and built once, with the options the extension needs; `start --optimized` skips this at run time.
FROM jre AS keycloak-build
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends unzip \
 && rm -rf /var/lib/apt/lists/*
COPY server-config/target/dist/keycloak-quarkus-dist.zip /tmp/
RUN unzip -q /tmp/keycloak-quarkus-dist.zip -d /opt && mv /opt/keycloak-* /opt/keycloak
COPY keycloak-extension/target/crm-keycloak-extension.jar /opt/keycloak/providers/
# The data folders exist in the image, so they belong to `app` even when a realm file is mounted into import/: the
# extension installs its list of common passwords into password-blacklists/ at start-up.
RUN mkdir -p /opt/keycloak/data/import /opt/keycloak/data/password-blacklists
RUN /opt/keycloak/bin/kc.sh build --db=postgres --features=declarative-ui --health-enabled=true --metrics-enabled=true

FROM jre AS keycloak
COPY --from=keycloak-build --chown=app:app /opt/keycloak /opt/keycloak
COPY server-config/containers/start-keycloak.sh /opt/keycloak/start-keycloak.sh
USER app
WORKDIR /opt/keycloak
# 8080: pages and APIs; 9000: health and metrics (keep it off the public network).
EXPOSE 8080 9000
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s CMD curl -fsS http://127.0.0.1:${KC_HTTP_MANAGEMENT_PORT:-9000}/health/ready || exit 1
ENTRYPOINT ["/opt/keycloak/start-keycloak.sh"]

FROM jre AS crm-admin
COPY --chown=app:app server-config/target/dist/payara-micro.jar server-config/target/dist/postgresql.jar /opt/app/
COPY --chown=app:app crm-admin-war/target/crm.war /opt/app/
COPY server-config/containers/start-crm.sh /opt/app/start-crm.sh
USER app
WORKDIR /opt/app
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s CMD curl -fsS http://127.0.0.1:${CRM_HTTP_PORT:-8080}/health/ready || exit 1
ENTRYPOINT ["/opt/app/start-crm.sh"]
