#!/usr/bin/env bash
# Benchmark: production jar, start until the login page answers (embedded PostgreSQL, demo data).
# Usage: mvn -Pproduction package -DskipTests && bash src/bench/startup.sh [runs]
# The first run creates the database and loads the demo data; the median is taken over the following runs,
# which start on the existing data directory as a restarted server would.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
jar=$(ls target/uppfoljning-*.jar | head -1)
port=18080
data=target/bench-startup-data
rm -rf "$data"
mkdir -p target/tmp
times=()
for i in $(seq 0 "$runs"); do
  start=$(date +%s.%N)
  APP_DATA_DIR="$data" SERVER_PORT=$port java -Djava.io.tmpdir=target/tmp -jar "$jar" > "target/bench-startup-$i.log" 2>&1 &
  pid=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/login" | grep -q 200; do
    sleep 0.1
    kill -0 $pid 2>/dev/null || { echo "the application died, see target/bench-startup-$i.log"; exit 1; }
  done
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc)
  if [ "$i" -eq 0 ]; then
    echo "first start (new database, demo data loaded): ${t} s"
  else
    echo "start $i: ${t} s"
    times+=("$t")
  fi
  kill $pid; wait $pid 2>/dev/null || true
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median of %d starts to login page: %.2f s\n", NR, m}'
