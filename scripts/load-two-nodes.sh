#!/usr/bin/env bash
# The load benchmark through a sticky HAProxy with two production nodes on one PostgreSQL, all on loopback
# (docs/benchmarks.md, issue 17; the proxy configuration is docs/deployment.md's, without TLS).
#
#   scripts/load-two-nodes.sh [extra -Dload.* options for the simulation]
#   e.g. scripts/load-two-nodes.sh -Dload.phases=realistic,api -Dload.users=60 -Dload.ramp=30 -Dload.duration=90
#
# Node 1 runs the embedded PostgreSQL (fresh, demo data) in target/load/two-nodes/postgres; node 2 uses that same
# database as an external one (APP_DEMO=false). HAProxy (apt-get install -y haproxy) balances new browsers round
# robin and keeps each on its node with its own cookie. The simulation runs against the proxy (-Dload.url), so the
# per-node CPU and heap figures are not taken; the proxy's counts per node are printed at the end
# (target/load/two-nodes/per-node.csv). Everything this script starts is stopped at its end, by process id.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=target/load/two-nodes
PROXY_PORT=${PROXY_PORT:-18180}
NODE1_PORT=${NODE1_PORT:-18181}
NODE2_PORT=${NODE2_PORT:-18182}
STATS_PORT=${STATS_PORT:-18189}
HEAP=${NODE_HEAP:-1g}
JAR=target/uppfoljning-0.1.0-SNAPSHOT.jar

command -v haproxy >/dev/null || { echo "haproxy is missing: apt-get install -y haproxy" >&2; exit 1; }
if [ ! -f "$JAR" ]; then
    mvn -B -q -Pproduction -DskipTests package
fi
rm -rf "$OUT"
mkdir -p "$OUT/tmp"
# the extracted layout, as in production (README, "Deployable jar")
java -Djarmode=tools -jar "$JAR" extract --destination "$OUT/app" > "$OUT/extract.log"
APP="$OUT/app/$(basename "$JAR")"

PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT INT TERM

wait_up() { # url, pid, log
    for _ in $(seq 1 600); do
        kill -0 "$2" 2>/dev/null || { echo "the process behind $1 stopped; see $3" >&2; exit 1; }
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1/login" || true)" = "200" ]; then
            return 0
        fi
        sleep 1
    done
    echo "$1 did not answer within 10 minutes; see $3" >&2
    exit 1
}

echo "node 1 (embedded PostgreSQL) on :$NODE1_PORT"
SERVER_PORT=$NODE1_PORT APP_DATA_DIR="$PWD/$OUT/postgres" APP_DEMO=true APP_LOGIN_MAX_FAILURES_PER_ADDRESS=100000 \
    java -Xmx"$HEAP" -Djava.io.tmpdir="$OUT/tmp" -jar "$APP" > "$OUT/node1.log" 2>&1 &
PIDS+=($!)
wait_up "http://localhost:$NODE1_PORT" "${PIDS[0]}" "$OUT/node1.log"
# the embedded server's port is the fourth line of its postmaster.pid
PG_PORT=$(sed -n 4p "$OUT/postgres/postmaster.pid")

echo "node 2 (node 1's PostgreSQL on :$PG_PORT) on :$NODE2_PORT"
SERVER_PORT=$NODE2_PORT SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PG_PORT/postgres" \
    SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= APP_DEMO=false \
    APP_LOGIN_MAX_FAILURES_PER_ADDRESS=100000 \
    java -Xmx"$HEAP" -Djava.io.tmpdir="$OUT/tmp" -jar "$APP" > "$OUT/node2.log" 2>&1 &
PIDS+=($!)
wait_up "http://localhost:$NODE2_PORT" "${PIDS[1]}" "$OUT/node2.log"

# docs/deployment.md's backend, on plain HTTP (no TLS, so the cookie is not "secure")
cat > "$OUT/haproxy.cfg" <<EOF
global
    maxconn 4096

defaults
    mode http
    option forwardfor
    timeout connect 5s
    timeout client  120s
    timeout server  120s
    timeout http-keep-alive 10s

frontend web
    bind 127.0.0.1:$PROXY_PORT
    default_backend uppfoljning

backend uppfoljning
    balance roundrobin
    option redispatch
    retries 2
    cookie UPPF_NODE insert indirect nocache httponly
    option httpchk GET /login
    http-check expect status 200
    default-server inter 5s fall 3 rise 2
    server node1 127.0.0.1:$NODE1_PORT check cookie n1
    server node2 127.0.0.1:$NODE2_PORT check cookie n2

listen stats
    bind 127.0.0.1:$STATS_PORT
    stats enable
    stats uri /
EOF
haproxy -c -f "$OUT/haproxy.cfg" > /dev/null
haproxy -f "$OUT/haproxy.cfg" > "$OUT/haproxy.log" 2>&1 &
PIDS+=($!)
wait_up "http://localhost:$PROXY_PORT" "${PIDS[2]}" "$OUT/haproxy.log"

echo "proxy on :$PROXY_PORT; the simulation runs through it"
set +e
mvn -B -q -Pload gatling:test -Dload.url="http://localhost:$PROXY_PORT" "$@"
status=$?
set -e
# requests and sessions each node answered (HAProxy's CSV: name, server, …, stot = sessions, … hrsp_2xx …)
curl -s "http://localhost:$STATS_PORT/;csv" | grep -E '^(# pxname|uppfoljning,node)' > "$OUT/per-node.csv" || true
echo "per node (HAProxy, $OUT/per-node.csv):"
awk -F, 'NR==1 {for (i = 1; i <= NF; i++) col[$i] = i; next}
         {printf "  %s: %s connections, %s answers 2xx, %s 3xx, %s 5xx\n", $2, $col["stot"], $col["hrsp_2xx"], $col["hrsp_3xx"], $col["hrsp_5xx"]}' \
    "$OUT/per-node.csv"
exit $status
