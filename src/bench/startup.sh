#!/usr/bin/env bash
# Benchmark: production jar, start until the login page answers (embedded PostgreSQL, demo data).
# Usage: mvn -Pproduction package -DskipTests && bash src/bench/startup.sh [runs] [cds]
# The first run creates the database and loads the demo data; the median is taken over the following runs,
# which start on the existing data directory as a restarted server would.
# With "cds" the jar is first extracted and a class data sharing archive is trained (Spring Boot's CDS support),
# and the starts use it: the way to deploy for a fast start.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
mode=${2:-plain}
jar=$(ls target/uppfoljning-*.jar | head -1)
port=18080
data=$PWD/target/bench-startup-data
tmp=$PWD/target/tmp
rm -rf "$data"
mkdir -p "$tmp"
command=(java -Djava.io.tmpdir="$tmp" -jar "$jar")
workdir=$PWD
if [ "$mode" = cds ]; then
  rm -rf target/cds-app target/cds-training-data
  java -Djarmode=tools -jar "$jar" extract --destination target/cds-app > /dev/null
  app=$(ls target/cds-app/*.jar | head -1)
  # training run: starts the application once (on its own data directory) and exits after the context refresh
  (cd target/cds-app && APP_DATA_DIR=$PWD/../cds-training-data SERVER_PORT=$port \
    java -Djava.io.tmpdir="$tmp" -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh \
    -jar "$(basename "$app")" > ../cds-training.log 2>&1) || true
  workdir=$PWD/target/cds-app
  command=(java -Djava.io.tmpdir="$tmp" -XX:SharedArchiveFile=app.jsa -jar "$(basename "$app")")
fi
times=()
for i in $(seq 0 "$runs"); do
  start=$(date +%s.%N)
  (cd "$workdir" && APP_DATA_DIR="$data" SERVER_PORT=$port exec "${command[@]}") > "target/bench-startup-$i.log" 2>&1 &
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
printf '%s\n' "${times[@]}" | sort -n | awk -v mode="$mode" '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median of %d starts to login page (%s): %.2f s\n", NR, mode, m}'
