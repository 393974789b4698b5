#!/usr/bin/env bash
# The product's container images (the top-level Dockerfile), built and tried for real with podman (or docker).
#   images.sh build   build both images, crm-admin and crm-keycloak, on BASE (default: the Dockerfile's public Debian image)
#   images.sh base    make a Debian bookworm base image locally with debootstrap (for machines without a registry)
#   images.sh test    build both on BASE (or on a local base made first when BASE is unset), run them against the
#                     PostgreSQL server at PG_URL and a GreenMail, run the browser journey test against them, check
#                     that neither server logged a reset link, clean up
# Everything it writes lives in $IMAGES_WORK. It stops what it started, also when a step fails.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
IMAGES_WORK=${IMAGES_WORK:-$ROOT/server-config/target/images}
DIST_DIR=$ROOT/server-config/target/dist
TAG=${TAG:-dev}
CRM_IMAGE=localhost/crm-admin:$TAG
KEYCLOAK_IMAGE=localhost/crm-keycloak:$TAG
LOCAL_BASE=localhost/crm-debian-base:bookworm
PG_URL=${PG_URL:-jdbc:postgresql://127.0.0.1:5432}
export STACK_DB_USER=${PG_USER:-postgres} STACK_DB_PASSWORD=${PG_PASSWORD:-}
RUN_ID=images$$
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-300}

log() { printf '[images] %s\n' "$*"; }
die() { printf '[images] ERROR: %s\n' "$*" >&2; exit 1; }

engine() {
  if command -v podman >/dev/null; then echo podman
  elif command -v docker >/dev/null; then echo docker
  else die "podman or docker is needed (Debian: apt-get install podman buildah runc)."; fi
}
ENGINE=$(engine)

# Podman as root without systemd (CI machines, containers) needs cgroupfs, runc, a file event log and file limits it
# may set; its storage then lives in $IMAGES_WORK. A machine with its own podman settings keeps them.
configure_podman() {
  [[ $ENGINE == podman && $(id -u) == 0 && ! -d /run/systemd/system && -z ${CONTAINERS_CONF:-} ]] || return 0
  mkdir -p "$IMAGES_WORK/storage" "$IMAGES_WORK/run"
  cat >"$IMAGES_WORK/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=16384:16384", "nproc=4096:4096"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
  cat >"$IMAGES_WORK/storage.conf" <<EOF
[storage]
driver = "overlay"
runroot = "$IMAGES_WORK/run"
graphroot = "$IMAGES_WORK/storage"
EOF
  export CONTAINERS_CONF=$IMAGES_WORK/containers.conf CONTAINERS_STORAGE_CONF=$IMAGES_WORK/storage.conf
}

build_artifacts() {
  if [[ -f $ROOT/crm-admin-war/target/crm.war && -f $ROOT/keycloak-extension/target/crm-keycloak-extension.jar \
        && -f $DIST_DIR/keycloak-quarkus-dist.zip && -f $DIST_DIR/payara-micro.jar && -f $DIST_DIR/postgresql.jar ]]; then
    return
  fi
  log "building the CRM, the Keycloak extension and fetching the servers ..."
  (cd "$ROOT" && mvn -q -B -DskipTests -pl keycloak-extension,crm-admin-war,server-config -am package)
}

make_local_base() {
  if $ENGINE image exists "$LOCAL_BASE" 2>/dev/null; then log "base $LOCAL_BASE exists"; return; fi
  command -v debootstrap >/dev/null || die "debootstrap is needed to make a local base (apt-get install debootstrap), or set BASE."
  local mirror rootfs=$IMAGES_WORK/rootfs
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  log "making $LOCAL_BASE with debootstrap from $mirror ..."
  rm -rf "$rootfs" && mkdir -p "$rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$IMAGES_WORK/debootstrap.log" 2>&1 \
    || { tail -n 20 "$IMAGES_WORK/debootstrap.log" >&2; die "debootstrap failed; its log is $IMAGES_WORK/debootstrap.log"; }
  tar -C "$rootfs" -c . | $ENGINE import --quiet --change 'CMD ["/bin/bash"]' - "$LOCAL_BASE" >/dev/null
  rm -rf "$rootfs"
}

build_images() {
  local base_arg=()
  [[ -z ${BASE:-} ]] || base_arg=(--build-arg "BASE=$BASE")
  build_artifacts
  local started=$SECONDS
  log "building $KEYCLOAK_IMAGE (target keycloak) ${BASE:+on $BASE} ..."
  $ENGINE build "${base_arg[@]}" --target keycloak -t "$KEYCLOAK_IMAGE" "$ROOT" >"$IMAGES_WORK/build-keycloak.log" 2>&1 \
    || { tail -n 30 "$IMAGES_WORK/build-keycloak.log" >&2; die "the keycloak image did not build; log: $IMAGES_WORK/build-keycloak.log"; }
  log "building $CRM_IMAGE (target crm-admin) ..."
  $ENGINE build "${base_arg[@]}" --target crm-admin -t "$CRM_IMAGE" "$ROOT" >"$IMAGES_WORK/build-crm.log" 2>&1 \
    || { tail -n 30 "$IMAGES_WORK/build-crm.log" >&2; die "the crm-admin image did not build; log: $IMAGES_WORK/build-crm.log"; }
  log "both images built in $((SECONDS - started)) s"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

databases() {
  java -cp "$DIST_DIR/postgresql.jar" "$ROOT/server-config/postgres/PostgresDatabases.java" "$1" "$PG_URL" \
    "crm_$RUN_ID" "keycloak_$RUN_ID" >/dev/null
}

GREENMAIL_PID=
cleanup() {
  log "cleaning up ..."
  for name in "crm-$RUN_ID" "keycloak-$RUN_ID"; do
    $ENGINE logs "$name" >"$IMAGES_WORK/$name.log" 2>&1 || true
    $ENGINE rm -f --ignore "$name" >/dev/null 2>&1 || $ENGINE rm -f "$name" >/dev/null 2>&1 || true
  done
  [[ -z $GREENMAIL_PID ]] || kill "$GREENMAIL_PID" 2>/dev/null || true
  databases drop || true
  $ENGINE image prune -f >/dev/null 2>&1 || true # the previous builds' layers this build replaced
}

await() {
  local name=$1 url=$2 container=$3 started=$SECONDS
  until curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; do
    if [[ -n $container && $($ENGINE inspect -f '{{.State.Running}}' "$container" 2>/dev/null) != true ]]; then
      $ENGINE logs --tail 40 "$container" >&2 || true
      die "$name stopped while starting"
    fi
    ((SECONDS - started < STARTUP_TIMEOUT)) || { [[ -z $container ]] || $ENGINE logs --tail 40 "$container" >&2; die "$name did not answer at $url within ${STARTUP_TIMEOUT}s"; }
    sleep 1
  done
  log "$name answers after $((SECONDS - started)) s"
}

test_images() {
  command -v python3 >/dev/null || die "python3 is needed to pick free ports."
  command -v curl >/dev/null || die "curl is needed to check that the servers answer."
  if [[ -z ${BASE:-} ]]; then make_local_base; BASE=$LOCAL_BASE; fi
  build_images

  local crm_port keycloak_port management_port smtp_port mail_api_port
  crm_port=$(free_port); keycloak_port=$(free_port); management_port=$(free_port)
  smtp_port=$(free_port); mail_api_port=$(free_port)
  # Secrets of this run only, long enough for the CRM's production check (no dev mode).
  local client_secret report_secret
  client_secret=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
  report_secret=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
  local crm_url=http://localhost:$crm_port/crm keycloak_url=http://localhost:$keycloak_port

  trap cleanup EXIT
  databases drop && databases create || die "cannot create databases on PostgreSQL at $PG_URL as $STACK_DB_USER (set PG_URL, PG_USER, PG_PASSWORD)"
  java -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$smtp_port" -Dgreenmail.api.hostname=127.0.0.1 \
    -Dgreenmail.api.port="$mail_api_port" -Dgreenmail.auth.disabled \
    -jar "$DIST_DIR/greenmail-standalone.jar" >"$IMAGES_WORK/greenmail.log" 2>&1 &
  GREENMAIL_PID=$!

  # Host networking: each server on its own port of this machine, nothing left behind (no bridge, no NAT rules).
  local started=$SECONDS
  log "starting Keycloak ($KEYCLOAK_IMAGE) on port $keycloak_port ..."
  $ENGINE run -d --name "keycloak-$RUN_ID" --network host \
    -v "$ROOT/server-config/keycloak/import/crm-realm.json:/opt/keycloak/data/import/crm-realm.json:ro" \
    -e KC_DB_URL="$PG_URL/keycloak_$RUN_ID" -e KC_DB_USERNAME="$STACK_DB_USER" -e KC_DB_PASSWORD="$STACK_DB_PASSWORD" \
    -e KC_HOSTNAME="$keycloak_url" -e KC_HTTP_ENABLED=true -e KC_HTTP_HOST=127.0.0.1 -e KC_HTTP_PORT="$keycloak_port" \
    -e KC_HTTP_MANAGEMENT_PORT="$management_port" -e KC_CACHE_EMBEDDED_NETWORK_BIND_ADDRESS=127.0.0.1 \
    -e KC_BOOTSTRAP_ADMIN_USERNAME=admin -e KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    -e KC_SPI_EVENTS_LISTENER_EMAIL_INCLUDE_EVENTS=UPDATE_PASSWORD \
    -e KC_SPI_EVENTS_LISTENER_CRM_RESET_REPORTER_CALLBACK_URL="$crm_url/api/keycloak-events" \
    -e KC_SPI_EVENTS_LISTENER_CRM_RESET_REPORTER_SECRET="$report_secret" \
    -e SMTP_HOST=127.0.0.1 -e SMTP_PORT="$smtp_port" -e CRM_BASE_URL="$crm_url" -e CRM_OIDC_CLIENT_SECRET="$client_secret" \
    "$KEYCLOAK_IMAGE" >/dev/null
  log "starting the CRM ($CRM_IMAGE) on port $crm_port ..."
  $ENGINE run -d --name "crm-$RUN_ID" --network host \
    -e CRM_DB_URL="$PG_URL/crm_$RUN_ID" -e CRM_DB_USER="$STACK_DB_USER" -e CRM_DB_PASSWORD="${STACK_DB_PASSWORD:-unused-with-trust-auth}" \
    -e CRM_HTTP_PORT="$crm_port" -e CRM_BASE_URL="$crm_url" -e CRM_KEYCLOAK_SERVER_URL="$keycloak_url" \
    -e CRM_KEYCLOAK_CLIENT_SECRET="$client_secret" -e CRM_KEYCLOAK_REPORT_SECRET="$report_secret" \
    -e CRM_COMPANY_NAME="Acme CRM (system test)" -e CRM_DEMO_DATA_ENABLED=true \
    "$CRM_IMAGE" >/dev/null
  await GreenMail "http://127.0.0.1:$mail_api_port/api/configuration" ""
  await Keycloak "http://127.0.0.1:$management_port/health/ready" "keycloak-$RUN_ID"
  await "the CRM" "http://127.0.0.1:$crm_port/health/ready" "crm-$RUN_ID"
  log "both servers ready $((SECONDS - started)) s after the first was started"

  log "running the browser journey against the containers ..."
  (cd "$ROOT" && mvn -B -q -pl system-tests -am verify -DskipITs -Dpostgres.system-tests.skip=true -Dcluster.system-tests.skip=true \
    -Dtest=ResetJourneyTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dstack.attached.crm-port="$crm_port" -Dstack.attached.keycloak-port="$keycloak_port" \
    -Dstack.attached.keycloak-management-port="$management_port" -Dstack.attached.smtp-port="$smtp_port" \
    -Dstack.attached.mail-api-port="$mail_api_port") \
    || die "the journey failed against the containers; server logs: $IMAGES_WORK/crm-$RUN_ID.log, keycloak-$RUN_ID.log"
  log "the journey passed against both images"
  no_reset_link_in_logs
}

# The journey emailed a reset link and used it: neither server may have written one to its log.
no_reset_link_in_logs() {
  local name leaks=()
  for name in "crm-$RUN_ID" "keycloak-$RUN_ID"; do
    $ENGINE logs "$name" >"$IMAGES_WORK/$name.log" 2>&1
    grep -q 'action-token?key=' "$IMAGES_WORK/$name.log" && leaks+=("$IMAGES_WORK/$name.log")
  done
  ((${#leaks[@]} == 0)) || die "a reset link was written to a server's log: ${leaks[*]}"
  log "neither server's log holds a reset link"
}

mkdir -p "$IMAGES_WORK"
configure_podman
case ${1:-} in
  build) build_images ;;
  base) make_local_base ;;
  test) test_images ;;
  *) echo "usage: $0 build|base|test" >&2; exit 2 ;;
esac
