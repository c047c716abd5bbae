#!/usr/bin/env bash
# The load benchmark through a sticky proxy: two production nodes on one PostgreSQL behind HAProxy, all on loopback
# (issue 17; docs/deployment.md, docs/benchmarks.md). Node 1 runs the embedded PostgreSQL with the demo data, node 2
# uses node 1's database as its external one, HAProxy balances new browsers round robin and keeps each on its node
# with its own cookie. Then the Gatling benchmark runs against the proxy.
#
#   src/load/cluster/run-two-nodes.sh [-Dload.* options, e.g. -Dload.users=100; default phases realistic,stress,api]
#
# Needs haproxy (apt-get install -y haproxy) and curl. Ports 18080 (proxy), 18081 and 18082 (nodes), 18089 (the
# proxy's statistics, read at the end: connections per node). Server CPU and heap are not measured here (two
# processes): the cost and heap phases belong to the one-node run.
set -euo pipefail
cd "$(dirname "$0")/../../.."
project=$PWD
work=$project/target/load/cluster
command -v haproxy >/dev/null || { echo "haproxy is missing: apt-get install -y haproxy" >&2; exit 1; }

mvn -B -q -Pproduction -DskipTests package
jar=$(ls target/uppfoljning-*.jar | grep -v original | head -1)
rm -rf "$work" && mkdir -p "$work/tmp"
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
app=$work/app/$(basename "$jar")

pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT

up() { # port name
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "http://localhost:$1/login" && return 0
    sleep 1
  done
  echo "$2 did not start; see $work/$2.log" >&2; exit 1
}

SERVER_PORT=18081 APP_DATA_DIR=$work/postgres APP_DEMO=true APP_LOGIN_MAX_FAILURES_PER_ADDRESS=100000 \
  java -Xmx1g -Djava.io.tmpdir="$work/tmp" -jar "$app" >"$work/node1.log" 2>&1 &
pids+=($!); node1=$!
up 18081 node1
pgport=$(sed -n 4p "$work/postgres/postmaster.pid")
SERVER_PORT=18082 SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$pgport/postgres" \
  SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= APP_DEMO=false \
  APP_LOGIN_MAX_FAILURES_PER_ADDRESS=100000 \
  java -Xmx1g -Djava.io.tmpdir="$work/tmp" -jar "$app" >"$work/node2.log" 2>&1 &
pids+=($!); node2=$!
up 18082 node2

# docs/deployment.md's backend, on loopback without TLS (so the node cookie is not "secure")
cat >"$work/haproxy.cfg" <<CFG
defaults
    mode http
    option forwardfor
    timeout connect 5s
    timeout client  120s
    timeout server  120s
    timeout http-keep-alive 10s
frontend web
    bind 127.0.0.1:18080
    default_backend uppfoljning
frontend stats
    bind 127.0.0.1:18089
    stats enable
    stats uri /stats
backend uppfoljning
    balance roundrobin
    option redispatch
    retries 2
    cookie UPPF_NODE insert indirect nocache httponly
    option httpchk GET /login
    http-check expect status 200
    default-server inter 5s fall 3 rise 2
    server node1 127.0.0.1:18081 check cookie n1
    server node2 127.0.0.1:18082 check cookie n2
CFG
haproxy -c -f "$work/haproxy.cfg" >/dev/null
haproxy -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
pids+=($!)
up 18080 proxy
echo "two nodes (pids $node1, $node2) on PostgreSQL port $pgport behind HAProxy at http://localhost:18080"

status=0
mvn -B -Pproduction,load -DskipTests verify -Dload.url=http://localhost:18080 -Dload.phases=realistic,stress,api "$@" || status=$?

# per node, as the proxy counted it (HAProxy's statistics CSV, columns found by their names in the header)
curl -fs "http://localhost:18089/stats;csv" | awk -F, '
  NR == 1 { for (i = 1; i <= NF; i++) { name = $i; sub(/^# /, "", name); col[name] = i }; next }
  $1 == "uppfoljning" && ($2 == "node1" || $2 == "node2") {
    print $2 ": " $col["stot"] " connections, " $col["req_tot"] " requests, " $col["hrsp_2xx"] " answered 2xx, " \
          $col["hrsp_5xx"] " answered 5xx, " $col["wredis"] " redispatched"
  }' | tee "$work/per-node.txt"
echo "exceptions in the nodes' logs:"; grep -c "Exception" "$work/node1.log" "$work/node2.log" || true
exit $status
