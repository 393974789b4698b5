# Two of each, sourced by stack.sh for `up --cluster`: Keycloak kc-1 and kc-2 (one Infinispan cluster, jdbc-ping
# discovery through their PostgreSQL database), the CRM crm-1 and crm-2 (one Payara data grid), and HAProxy in front
# on the usual URLs. Every node listens on 127.0.0.1 only; each has its own home, log and pid file in $STACK_DIR.

KC_NODE_PORTS=(${KC_NODE_PORTS:-8181 8182})
KC_NODE_MANAGEMENT_PORTS=(${KC_NODE_MANAGEMENT_PORTS:-9181 9182})
KC_NODE_CLUSTER_PORTS=(${KC_NODE_CLUSTER_PORTS:-7800 7801})
CRM_NODE_PORTS=(${CRM_NODE_PORTS:-8081 8082})
CRM_NODE_GRID_PORTS=(${CRM_NODE_GRID_PORTS:-5790 5791})
LB_STATS_PORT=${LB_STATS_PORT:-8404}
CLUSTER_NODES=(kc-1 kc-2 crm-1 crm-2)

cluster_marker() { echo "$STACK_DIR/run/cluster"; }
in_cluster_mode() { [[ -f $(cluster_marker) ]]; }

# 0 for kc-1 and crm-1, 1 for kc-2 and crm-2.
node_index() { echo $((${1##*-} - 1)); }

node_url() {
  local i; i=$(node_index "$1")
  case $1 in
    kc-*) echo "http://127.0.0.1:${KC_NODE_MANAGEMENT_PORTS[$i]}/health/ready" ;;
    crm-*) echo "http://127.0.0.1:${CRM_NODE_PORTS[$i]}/crm/api/health" ;;
  esac
}

# One Keycloak build for PostgreSQL and a distributed cache (kc.sh build), copied into a home per node.
prepare_keycloak_nodes() {
  local built=$STACK_DIR/keycloak-cluster
  if [[ ! -f $built/.built || $KC_EXTENSION_JAR -nt $built/.built ]]; then
    rm -rf "$built"
    prepare_keycloak_home "$built"
    log "building Keycloak for the cluster (PostgreSQL, distributed caches) ..."
    "$built/bin/kc.sh" build --db=postgres --cache=ispn --health-enabled=true --metrics-enabled=true \
      --features=declarative-ui >"$STACK_DIR/logs/keycloak-build.log" 2>&1 \
      || die "Keycloak's build for the cluster failed; its log is $STACK_DIR/logs/keycloak-build.log"
    touch "$built/.built"
  fi
  for node in kc-1 kc-2; do
    if [[ ! -f $STACK_DIR/$node/.built || $built/.built -nt $STACK_DIR/$node/.built ]]; then
      rm -rf "${STACK_DIR:?}/$node" && cp -a "$built" "$STACK_DIR/$node"
    fi
  done
}

start_keycloak_node() {
  local node=$1 i; i=$(node_index "$1")
  if is_running "$node"; then log "$node already runs"; wait_until_answers "$node" "$(node_url "$node")"; return; fi
  require_free_port "$node" "${KC_NODE_PORTS[$i]}" KC_NODE_PORTS
  require_free_port "$node management" "${KC_NODE_MANAGEMENT_PORTS[$i]}" KC_NODE_MANAGEMENT_PORTS
  # Every node answers for the load balancer's URL (one token issuer); the realm is imported once, if missing.
  launch "$node" env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    KC_SPI_EVENTS_LISTENER_EMAIL_INCLUDE_EVENTS=UPDATE_PASSWORD \
    KC_SPI_EVENTS_LISTENER_CRM_RESET_REPORTER_CALLBACK_URL="$CRM_URL/api/keycloak-events" \
    KC_SPI_EVENTS_LISTENER_CRM_RESET_REPORTER_SECRET="$CRM_REPORT_SECRET" \
    SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_PORT" CRM_BASE_URL="$CRM_URL" \
    CRM_OIDC_CLIENT_SECRET="$CRM_OIDC_CLIENT_SECRET" KC_DB_PASSWORD="$STACK_DB_PASSWORD" \
    "$STACK_DIR/$node/bin/kc.sh" start --optimized --db-url="$STACK_DB_URL/$STACK_KEYCLOAK_DB" \
    --db-username="$STACK_DB_USER" --hostname="$KEYCLOAK_URL" --hostname-backchannel-dynamic=true \
    --http-enabled=true --http-host=127.0.0.1 --http-port="${KC_NODE_PORTS[$i]}" \
    --http-management-port="${KC_NODE_MANAGEMENT_PORTS[$i]}" --cache-stack=jdbc-ping \
    --cache-embedded-network-bind-address=127.0.0.1 \
    --cache-embedded-network-bind-port="${KC_NODE_CLUSTER_PORTS[$i]}" --import-realm
  wait_until_answers "$node" "$(node_url "$node")"
}

start_crm_node() {
  local node=$1 i; i=$(node_index "$1")
  if is_running "$node"; then log "$node already runs"; wait_until_answers "$node" "$(node_url "$node")"; return; fi
  require_free_port "$node" "${CRM_NODE_PORTS[$i]}" CRM_NODE_PORTS
  write_payara_boot_commands cluster
  local members="127.0.0.1:${CRM_NODE_GRID_PORTS[0]},127.0.0.1:${CRM_NODE_GRID_PORTS[1]}"
  mkdir -p "$STACK_DIR/$node"
  rm -rf "$STACK_DIR/$node/root"
  # The grid finds its members at the listed ports only (no multicast), under a name of this stack's own.
  launch "$node" env CRM_COMPANY_NAME="$CRM_COMPANY_NAME" CRM_BASE_URL="$CRM_URL" \
    CRM_KEYCLOAK_SERVER_URL="$KEYCLOAK_URL" CRM_KEYCLOAK_CLIENT_SECRET="$CRM_OIDC_CLIENT_SECRET" \
    CRM_KEYCLOAK_REPORT_SECRET="$CRM_REPORT_SECRET" \
    CRM_DEMO_DATA_ENABLED=true CRM_DEV_MODE=true \
    "$JAVA" -Djava.io.tmpdir="$STACK_DIR/$node" -jar "$DIST_DIR/payara-micro.jar" \
    --addLibs "$DIST_DIR/postgresql.jar" --deploy "$CRM_WAR" --contextroot crm --port "${CRM_NODE_PORTS[$i]}" \
    --name "$node" --clustername "crm-stack-${CRM_NODE_GRID_PORTS[0]}" --clustermode "tcpip:$members" \
    --startport "${CRM_NODE_GRID_PORTS[$i]}" --interfaces 127.0.0.1 --disablephonehome \
    --rootDir "$STACK_DIR/$node/root" --prebootcommandfile "$STACK_DIR/payara/pre-boot-commands.asadmin" \
    --postbootcommandfile "$STACK_DIR/payara/post-boot-commands.asadmin"
  wait_until_answers "$node" "$(node_url "$node")"
}

start_node() {
  case $1 in
    kc-1|kc-2) start_keycloak_node "$1" ;;
    crm-1|crm-2) start_crm_node "$1" ;;
    *) die "no node '$1': the nodes are ${CLUSTER_NODES[*]}" ;;
  esac
  lb_set "$1" ready # after a stop-node
  wait_until_balanced "$1"
}

# A planned stop: HAProxy sends the node nothing new first, and what it is answering gets a moment to finish.
stop_node() {
  case $1 in kc-1|kc-2|crm-1|crm-2) ;; *) die "no node '$1': the nodes are ${CLUSTER_NODES[*]}" ;; esac
  if is_running haproxy && is_running "$1"; then
    lb_set "$1" maint
    sleep 2
  fi
  stop_one "$1"
}

# Tells HAProxy, through its statistics page (127.0.0.1 only), to send a node requests (ready) or none (maint).
lb_set() {
  local node=$1 action=$2 backend=crm
  [[ $node == kc-* ]] && backend=keycloak
  is_running haproxy || return 0
  curl -fsS -o /dev/null --max-time 3 -d "s=$node&action=$action&b=$backend" "http://127.0.0.1:$LB_STATS_PORT/" \
    || log "could not tell the load balancer to set $node $action"
}

# A node that answers is not yet sent requests: HAProxy needs two good health checks (about 4 s) first.
wait_until_balanced() {
  local node=$1 deadline=$((SECONDS + 60)) state
  is_running haproxy || return 0
  while :; do
    state=$(curl -fsS --max-time 3 "http://127.0.0.1:$LB_STATS_PORT/;csv" 2>/dev/null | awk -F, -v n="$node" '$2 == n { print $18 }')
    [[ $state == UP ]] && return 0
    ((SECONDS > deadline)) && die "$node answers, but the load balancer did not send it requests within 60 s (it says: ${state:-nothing})"
    sleep 1
  done
}

# HAProxy on the usual URLs. Sticky sessions (a cookie names the node) keep an admin's page, its websocket and
# Keycloak's sign-in on one node; when that node goes, the next request goes to the other, where the session is
# found again (the CRM's through the data grid, Keycloak's through Infinispan).
write_load_balancer_config() {
  local kc_servers="" crm_servers="" i
  for i in 0 1; do
    kc_servers+="  server kc-$((i + 1)) 127.0.0.1:${KC_NODE_PORTS[$i]} check port ${KC_NODE_MANAGEMENT_PORTS[$i]} cookie kc-$((i + 1))"$'\n'
    crm_servers+="  server crm-$((i + 1)) 127.0.0.1:${CRM_NODE_PORTS[$i]} check cookie crm-$((i + 1))"$'\n'
  done
  cat >"$STACK_DIR/haproxy.cfg" <<EOF
global
  log stdout format raw local0 info

defaults
  mode http
  log global
  # HAProxy's usual HTTP log line, but with the path alone: a query string can hold a reset link's key or a sign-in code.
  log-format "%ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %CC %CS %tsc %ac/%fc/%bc/%sc/%rc %sq/%bq %hr %hs \"%HM %HPO %HV\""
  option redispatch
  retries 2
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout tunnel 1h
  default-server inter 2s fall 2 rise 2

frontend crm
  bind 127.0.0.1:$CRM_HTTP_PORT
  default_backend crm

backend crm
  option httpchk GET /crm/api/health
  # Which instance answered, for operators and the cluster tests.
  http-response set-header X-CRM-Node %s
  cookie CRM_NODE insert indirect nocache httponly
$crm_servers
frontend keycloak
  bind 127.0.0.1:$KEYCLOAK_PORT
  default_backend keycloak

backend keycloak
  option httpchk GET /health/ready
  cookie KC_NODE insert indirect nocache httponly
$kc_servers
frontend stats
  bind 127.0.0.1:$LB_STATS_PORT
  stats enable
  stats uri /
  stats refresh 5s
  # stack.sh stop-node takes a node out of rotation here before stopping it (this port listens on 127.0.0.1 only).
  stats admin if TRUE
EOF
}

start_load_balancer() {
  if is_running haproxy; then log "haproxy already runs"; return; fi
  require_free_port "HAProxy (CRM)" "$CRM_HTTP_PORT" CRM_HTTP_PORT
  require_free_port "HAProxy (Keycloak)" "$KEYCLOAK_PORT" KEYCLOAK_PORT
  write_load_balancer_config
  haproxy -c -q -f "$STACK_DIR/haproxy.cfg" || die "HAProxy refused its configuration $STACK_DIR/haproxy.cfg"
  launch haproxy haproxy -db -f "$STACK_DIR/haproxy.cfg"
  wait_until_answers haproxy "http://127.0.0.1:$LB_STATS_PORT/"
}

cluster_up() {
  command -v haproxy >/dev/null || die "HAProxy is needed for --cluster: apt-get install haproxy"
  [[ $STACK_DB == postgres ]] || die "--cluster keeps both servers' data in PostgreSQL: run it with STACK_DB=postgres."
  postgres_databases create
  mkdir -p "$STACK_DIR/run" "$STACK_DIR/logs" && touch "$(cluster_marker)"
  start_greenmail
  prepare_keycloak_nodes
  start_load_balancer
  # One node at a time the first time: the first imports the realm and migrates the CRM's database.
  for node in "${CLUSTER_NODES[@]}"; do start_node "$node"; done
  wait_until_answers haproxy "$KEYCLOAK_URL/realms/crm"
  wait_until_answers haproxy "$CRM_URL/api/health"
}

cluster_down() {
  stop_one haproxy
  for node in crm-2 crm-1 kc-2 kc-1; do stop_one "$node"; done
  rm -f "$(cluster_marker)"
}

# Each node, and whether HAProxy sends it requests (from its statistics, as CSV).
cluster_status() {
  local csv="" node state lb
  csv=$(curl -fsS --max-time 3 "http://127.0.0.1:$LB_STATS_PORT/;csv" 2>/dev/null || true)
  status_line greenmail "$MAIL_API_URL/api/configuration"
  status_line haproxy "http://127.0.0.1:$LB_STATS_PORT/"
  for node in "${CLUSTER_NODES[@]}"; do
    state="stopped"
    if is_running "$node"; then
      if answers "$(node_url "$node")"; then state="running (pid $(cat "$(pid_file "$node")"))"; else state="starting or not answering"; fi
    fi
    lb=$(awk -F, -v n="$node" '$2 == n { print $18 }' <<<"$csv")
    printf '  %-10s %-36s load balancer: %s\n' "$node" "$state" "${lb:-unknown}"
  done
}
