#!/usr/bin/env bash
# The dev stack: GreenMail (SMTP sink), Keycloak with the extension and realm `crm`, Payara Micro with the CRM.
#   stack.sh up       build what is missing, start what is not running, wait until each answers
#   stack.sh up --cluster   the same with two of each behind HAProxy, on PostgreSQL (see server-config/cluster.sh)
#   stack.sh down     stop what this stack started
#   stack.sh status   say what runs
#   stack.sh stop keycloak|payara|greenmail   stop one piece (`up` starts it again)
#   stack.sh stop-node|start-node kc-1|kc-2|crm-1|crm-2   in cluster mode, stop or start one node
#   stack.sh reset    stop, then forget all data (Keycloak's realm, the CRM database); the next `up` starts afresh
# Everything it writes (logs, data, pid files, unpacked servers) lives in $STACK_DIR.
# The data lives in embedded H2 files there, or with STACK_DB=postgres in two databases on a PostgreSQL server.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STACK_DIR=${STACK_DIR:-$ROOT/.stack}
CRM_HTTP_PORT=${CRM_HTTP_PORT:-8080}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
KEYCLOAK_MANAGEMENT_PORT=${KEYCLOAK_MANAGEMENT_PORT:-9180}
SMTP_PORT=${SMTP_PORT:-3025}
MAIL_API_PORT=${MAIL_API_PORT:-8025}
CRM_COMPANY_NAME=${CRM_COMPANY_NAME:-Acme CRM (dev)}
# Dev-only secrets shared by Keycloak and the CRM (the `crm` client; the reports); production sets its own.
CRM_OIDC_CLIENT_SECRET=${CRM_OIDC_CLIENT_SECRET:-dev-only-crm-client-secret}
CRM_REPORT_SECRET=${CRM_REPORT_SECRET:-dev-only-crm-report-secret}
JAVA=${JAVA:-java}
# Where both servers keep their data: h2 (files in $STACK_DIR) or postgres (databases created if missing).
STACK_DB=${STACK_DB:-h2}
STACK_DB_URL=${STACK_DB_URL:-jdbc:postgresql://127.0.0.1:5432}
export STACK_DB_USER=${STACK_DB_USER:-postgres}
export STACK_DB_PASSWORD=${STACK_DB_PASSWORD:-}
STACK_CRM_DB=${STACK_CRM_DB:-crm}
STACK_KEYCLOAK_DB=${STACK_KEYCLOAK_DB:-keycloak}
# Where the CRM reaches its PostgreSQL database (the system tests put a proxy in between).
STACK_CRM_DB_URL=${STACK_CRM_DB_URL:-$STACK_DB_URL/$STACK_CRM_DB}
DIST_DIR=${DIST_DIR:-$ROOT/server-config/target/dist}
CRM_WAR=${CRM_WAR:-$ROOT/crm-admin-war/target/crm.war}
KC_EXTENSION_JAR=${KC_EXTENSION_JAR:-$ROOT/keycloak-extension/target/crm-keycloak-extension.jar}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-240}

CRM_URL="http://localhost:$CRM_HTTP_PORT/crm"
KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
KEYCLOAK_MANAGEMENT_URL="http://127.0.0.1:$KEYCLOAK_MANAGEMENT_PORT"
MAIL_API_URL="http://127.0.0.1:$MAIL_API_PORT"

log() { printf '[stack] %s\n' "$*"; }
die() { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }

pid_file() { echo "$STACK_DIR/run/$1.pid"; }

is_running() {
  local pf; pf=$(pid_file "$1")
  [[ -f $pf ]] && kill -0 "$(cat "$pf")" 2>/dev/null
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

answers() { curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null; }

require_free_port() {
  local name=$1 port=$2 var=$3
  if port_in_use "$port"; then
    die "$name cannot start: port $port is already used by another program. Stop it, or choose another port with $var=<port>."
  fi
}

# Starts a command in its own process group so that `down` can stop it and everything it spawned.
launch() {
  local name=$1; shift
  mkdir -p "$STACK_DIR/run" "$STACK_DIR/logs"
  setsid "$@" >"$STACK_DIR/logs/$name.log" 2>&1 < /dev/null &
  echo $! >"$(pid_file "$name")"
}

wait_until_answers() {
  local name=$1 url=$2 deadline=$((SECONDS + STARTUP_TIMEOUT))
  log "waiting for $name at $url ..."
  until answers "$url"; do
    if ! is_running "$name"; then
      tail -n 30 "$STACK_DIR/logs/$name.log" >&2 || true
      die "$name stopped while starting; its log is $STACK_DIR/logs/$name.log"
    fi
    if ((SECONDS > deadline)); then
      tail -n 30 "$STACK_DIR/logs/$name.log" >&2 || true
      stop_one "$name"
      die "$name did not answer within ${STARTUP_TIMEOUT}s and was stopped; its log is $STACK_DIR/logs/$name.log"
    fi
    sleep 1
  done
  log "$name is up"
}

build_if_missing() {
  if [[ -f $CRM_WAR && -f $KC_EXTENSION_JAR && -f $DIST_DIR/keycloak-quarkus-dist.zip && -f $DIST_DIR/payara-micro.jar \
        && -f $DIST_DIR/greenmail-standalone.jar && -f $DIST_DIR/postgresql.jar ]]; then
    return
  fi
  command -v mvn >/dev/null || die "Maven (mvn) is needed to build the CRM and fetch the servers."
  log "building the CRM, the Keycloak extension and fetching the servers (first run only) ..."
  (cd "$ROOT" && mvn -q -B -DskipTests -pl keycloak-extension,crm-admin-war,server-config -am package)
}

postgres_databases() {
  "$JAVA" -cp "$DIST_DIR/postgresql.jar" "$ROOT/server-config/postgres/PostgresDatabases.java" "$1" "$STACK_DB_URL" \
    "$STACK_CRM_DB" "$STACK_KEYCLOAK_DB" \
    || die "cannot $1 the databases $STACK_CRM_DB and $STACK_KEYCLOAK_DB on PostgreSQL at $STACK_DB_URL as $STACK_DB_USER. Is the server running, and may this user create databases? Set STACK_DB_URL, STACK_DB_USER and STACK_DB_PASSWORD."
}

start_greenmail() {
  if is_running greenmail; then log "greenmail already runs"; wait_until_answers greenmail "$MAIL_API_URL/api/configuration"; return; fi
  require_free_port GreenMail "$SMTP_PORT" SMTP_PORT
  require_free_port "GreenMail API" "$MAIL_API_PORT" MAIL_API_PORT
  launch greenmail "$JAVA" -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" -Dgreenmail.auth.disabled \
    -jar "$DIST_DIR/greenmail-standalone.jar"
  wait_until_answers greenmail "$MAIL_API_URL/api/configuration"
}

# Unpacks Keycloak into $1 (the dev stack's home by default) with the extension and the realm to import.
prepare_keycloak_home() {
  local home=${1:-$STACK_DIR/keycloak}
  if [[ ! -x $home/bin/kc.sh ]]; then
    log "unpacking Keycloak into $home ..."
    rm -rf "$STACK_DIR/keycloak-unpack" && mkdir -p "$STACK_DIR/keycloak-unpack"
    (cd "$STACK_DIR/keycloak-unpack" && unzip -q "$DIST_DIR/keycloak-quarkus-dist.zip")
    mv "$STACK_DIR"/keycloak-unpack/keycloak-* "$home" && rmdir "$STACK_DIR/keycloak-unpack"
  fi
  cp "$KC_EXTENSION_JAR" "$home/providers/crm-keycloak-extension.jar"
  mkdir -p "$home/data/import"
  cp "$ROOT/server-config/keycloak/import/crm-realm.json" "$home/data/import/crm-realm.json"
}

start_keycloak() {
  if is_running keycloak; then log "keycloak already runs"; wait_until_answers keycloak "$KEYCLOAK_URL/realms/crm"; return; fi
  require_free_port Keycloak "$KEYCLOAK_PORT" KEYCLOAK_PORT
  require_free_port "Keycloak management" "$KEYCLOAK_MANAGEMENT_PORT" KEYCLOAK_MANAGEMENT_PORT
  prepare_keycloak_home
  local db_options=()
  if [[ $STACK_DB == postgres ]]; then
    db_options=(--db=postgres --db-url="$STACK_DB_URL/$STACK_KEYCLOAK_DB" --db-username="$STACK_DB_USER")
  fi
  # Bootstrap admin and realm placeholders are read from the environment (realm import: first start only).
  # declarative-ui: the admin console shows the extension's "CRM reset links" tab (an experimental Keycloak feature).
  # Health and metrics answer on the management port (same host: 127.0.0.1), not on the public one.
  # The `email` event listener mails users when their password changed, and nothing else (not failed logins).
  launch keycloak env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    KC_SPI_EVENTS_LISTENER_EMAIL_INCLUDE_EVENTS=UPDATE_PASSWORD \
    KC_SPI_EVENTS_LISTENER_CRM_RESET_REPORTER_CALLBACK_URL="$CRM_URL/api/keycloak-events" \
    KC_SPI_EVENTS_LISTENER_CRM_RESET_REPORTER_SECRET="$CRM_REPORT_SECRET" \
    SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_PORT" CRM_BASE_URL="$CRM_URL" \
    CRM_OIDC_CLIENT_SECRET="$CRM_OIDC_CLIENT_SECRET" KC_DB_PASSWORD="$STACK_DB_PASSWORD" \
    "$STACK_DIR/keycloak/bin/kc.sh" start-dev "${db_options[@]}" --features=declarative-ui --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
    --health-enabled=true --metrics-enabled=true --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" \
    --hostname="$KEYCLOAK_URL" --import-realm
  wait_until_answers keycloak "$KEYCLOAK_URL/realms/crm"
}

# $1: single (one instance) or cluster (instances that share their sessions through the data grid).
write_payara_boot_commands() {
  local db_dir=$STACK_DIR/data/crm-db
  mkdir -p "$db_dir" "$STACK_DIR/payara"
  # Like Keycloak and GreenMail, the CRM answers on this machine only (Payara Micro listens on every address otherwise).
  cat >"$STACK_DIR/payara/pre-boot-commands.asadmin" <<EOF
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1
EOF
  # One instance keeps its sessions in memory: copying each session to the data grid after every request costs the
  # admin's click ~15 ms, and no other instance would ever read the copy.
  if [[ $1 == single ]]; then
    echo 'set configs.config.server-config.availability-service.web-container-availability.availability-enabled=false' \
      >>"$STACK_DIR/payara/pre-boot-commands.asadmin"
  fi
  # The CRM's database: an H2 file that survives `down`/`up`, or PostgreSQL. In asadmin properties ':' and '=' are
  # escaped. H2's WRITE_DELAY=0: each commit is written at once, so a crash loses no request recorded before
  # Keycloak was called. The PostgreSQL password is read from the server's environment, not written here.
  local pool
  if [[ $STACK_DB == postgres ]]; then
    local url=${STACK_CRM_DB_URL//:/\\:}
    # Connections are checked before use, and all are dropped when one fails: after an outage, no dead one is handed out.
    pool="--datasourceclassname=org.postgresql.ds.PGSimpleDataSource --restype=javax.sql.DataSource \
      --isconnectvalidatereq=true --validationmethod=custom-validation \
      --validationclassname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation --failconnection=true \
      --property url=$url:user=$STACK_DB_USER"
    # Payara needs a password property; "()" is its word for an empty one (a server with trust authentication).
    if [[ -z $STACK_DB_PASSWORD ]]; then pool+=':password=()'; else pool+=':password=${ENV=STACK_DB_PASSWORD}'; fi
  else
    local url="jdbc\\:h2\\:file\\:$db_dir/crm;AUTO_SERVER\\=TRUE;WRITE_DELAY\\=0"
    pool="--datasourceclassname=org.h2.jdbcx.JdbcDataSource --restype=javax.sql.DataSource --property url=$url:user=crm:password=crm"
  fi
  cat >"$STACK_DIR/payara/post-boot-commands.asadmin" <<EOF
create-jdbc-connection-pool $pool crm-pool
create-jdbc-resource --connectionpoolid=crm-pool jdbc/crm
EOF
}

start_payara() {
  if is_running payara; then log "payara already runs"; wait_until_answers payara "$CRM_URL/api/health"; return; fi
  require_free_port "Payara Micro" "$CRM_HTTP_PORT" CRM_HTTP_PORT
  write_payara_boot_commands single
  # A kept root dir lists the CRM as deployed, so Payara would load it, answer, then redeploy it for --deploy
  # (503 for a few seconds after "up" said ready). Its data lives in data/crm-db, so the root dir starts empty.
  rm -rf "$STACK_DIR/payara/root"
  # MicroProfile Config reads these environment variables as crm.* properties.
  launch payara env CRM_COMPANY_NAME="$CRM_COMPANY_NAME" CRM_BASE_URL="$CRM_URL" \
    CRM_KEYCLOAK_SERVER_URL="$KEYCLOAK_URL" CRM_KEYCLOAK_CLIENT_SECRET="$CRM_OIDC_CLIENT_SECRET" \
    CRM_KEYCLOAK_REPORT_SECRET="$CRM_REPORT_SECRET" \
    CRM_DEMO_DATA_ENABLED=true CRM_DEV_MODE=true \
    "$JAVA" -Djava.io.tmpdir="$STACK_DIR/payara" -jar "$DIST_DIR/payara-micro.jar" \
    --addLibs "$DIST_DIR/postgresql.jar" --deploy "$CRM_WAR" --contextroot crm --port "$CRM_HTTP_PORT" --nocluster \
    --rootDir "$STACK_DIR/payara/root" --prebootcommandfile "$STACK_DIR/payara/pre-boot-commands.asadmin" \
    --postbootcommandfile "$STACK_DIR/payara/post-boot-commands.asadmin"
  wait_until_answers payara "$CRM_URL/api/health"
}

stop_one() {
  local name=$1 pf; pf=$(pid_file "$1")
  if ! is_running "$name"; then rm -f "$pf"; return; fi
  local pid; pid=$(cat "$pf")
  log "stopping $name (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$pf"
}

status_line() {
  local name=$1 url=$2 state="stopped"
  if is_running "$name"; then
    if answers "$url"; then state="running (pid $(cat "$(pid_file "$name")"))"; else state="starting or not answering"; fi
  fi
  printf '  %-10s %-36s %s\n' "$name" "$state" "$url"
}

# Keycloak imports the realm (with the CRM's redirect URIs and the SMTP port) only once, into its data:
# the same data with other ports would half-work, so refuse it and say how to start over.
check_ports_match_data() {
  local env_file=$STACK_DIR/stack.env
  local wanted="CRM_HTTP_PORT=$CRM_HTTP_PORT KEYCLOAK_PORT=$KEYCLOAK_PORT SMTP_PORT=$SMTP_PORT"
  if [[ -f $env_file && $(cat "$env_file") != "$wanted" ]]; then
    die "this stack's data was set up with $(cat "$env_file"), not $wanted. Use those ports, or run 'server-config/stack.sh reset' to start over with new ones (this deletes the stack's data)."
  fi
  mkdir -p "$STACK_DIR"
  echo "$wanted" >"$env_file"
}

data_place() {
  if [[ $STACK_DB == postgres ]]; then
    echo "PostgreSQL at $STACK_DB_URL, databases $STACK_CRM_DB (CRM) and $STACK_KEYCLOAK_DB (Keycloak)"
  else
    echo "H2 files in $STACK_DIR/data (CRM) and $STACK_DIR/keycloak/data (Keycloak)"
  fi
}

# Where Keycloak's health answers: its management port, or each node's in cluster mode.
keycloak_health_urls() {
  if in_cluster_mode; then
    echo "http://127.0.0.1:${KC_NODE_MANAGEMENT_PORTS[0]}/health/ready (kc-1), http://127.0.0.1:${KC_NODE_MANAGEMENT_PORTS[1]}/health/ready (kc-2)"
  else
    echo "$KEYCLOAK_MANAGEMENT_URL/health/ready, metrics: $KEYCLOAK_MANAGEMENT_URL/metrics"
  fi
}

print_welcome() {
  cat <<EOF

The stack is up.
  CRM admin pages   $CRM_URL/             sign in as admin / admin (crm-admin) or agent / agent (no crm-admin)
  Keycloak console  $KEYCLOAK_URL/admin/  admin / admin (realm master); the product's realm is "crm"
  Keycloak health   $(keycloak_health_urls)
  Mail (GreenMail)  SMTP 127.0.0.1:$SMTP_PORT, messages: $MAIL_API_URL/api/user/<email>/messages
  Data              $(data_place)
  Logs and data     $STACK_DIR
EOF
  if in_cluster_mode; then
    cat <<EOF
  Two of each       Keycloak kc-1, kc-2 and the CRM crm-1, crm-2 behind HAProxy (http://127.0.0.1:$LB_STATS_PORT/);
                    stack.sh status shows each node, stack.sh stop-node|start-node <node> stops or starts one
EOF
  fi
  echo "Stop it with: server-config/stack.sh down"
}

source "$ROOT/server-config/cluster.sh"

[[ $STACK_DB =~ ^(h2|postgres)$ ]] || die "STACK_DB must be h2 (the default) or postgres, not '$STACK_DB'."

command=${1:-}
case "$command" in
  up)
    command -v curl >/dev/null || die "curl is needed to check that the servers answer."
    command -v unzip >/dev/null || die "unzip is needed to unpack Keycloak."
    check_ports_match_data
    build_if_missing
    if [[ ${2:-} == --cluster ]]; then
      is_running payara || is_running keycloak && die "the single-node stack runs: stop it first (stack.sh down)."
      cluster_up
    else
      in_cluster_mode && die "the cluster runs: stop it first (stack.sh down), then start the single-node stack."
      [[ $STACK_DB == h2 ]] || postgres_databases create
      start_greenmail
      start_keycloak
      start_payara
    fi
    print_welcome
    ;;
  down)
    cluster_down
    stop_one payara; stop_one keycloak; stop_one greenmail
    log "stopped"
    ;;
  reset)
    cluster_down
    stop_one payara; stop_one keycloak; stop_one greenmail
    rm -rf "$STACK_DIR/keycloak/data" "$STACK_DIR/data" "$STACK_DIR/payara" "$STACK_DIR/stack.env"
    if [[ $STACK_DB == postgres ]]; then build_if_missing; postgres_databases drop; fi
    log "stopped and forgot all data; 'server-config/stack.sh up' starts afresh"
    ;;
  stop)
    [[ ${2:-} =~ ^(keycloak|payara|greenmail)$ ]] || die "usage: stack.sh stop keycloak|payara|greenmail"
    stop_one "$2"
    ;;
  stop-node|start-node)
    in_cluster_mode || die "no cluster runs: start one with STACK_DB=postgres stack.sh up --cluster"
    [[ ${2:-} =~ ^(kc-1|kc-2|crm-1|crm-2)$ ]] || die "usage: stack.sh $command kc-1|kc-2|crm-1|crm-2"
    if [[ $command == stop-node ]]; then stop_node "$2"; else start_node "$2"; fi
    ;;
  status)
    if in_cluster_mode; then
      cluster_status
    else
      status_line greenmail "$MAIL_API_URL/api/configuration"
      status_line keycloak "$KEYCLOAK_URL/realms/crm"
      status_line payara "$CRM_URL/api/health"
    fi
    ;;
  *)
    echo "usage: $0 up [--cluster]|down|status|reset|stop <keycloak|payara|greenmail>|stop-node|start-node <node>" >&2
    exit 2
    ;;
esac
