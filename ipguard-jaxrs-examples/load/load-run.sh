#!/usr/bin/env bash
# End-to-end load run (docs/performance.md): the example server on loopback under wrk.
#  1. /internal (guarded, allowed client) against /public (open), alternating, same server;
#  2. /internal with a 10^6-entry group against /internal with a 10-entry group, alternating.
# Needs: the example jar (mvn -B -q package -DskipTests), wrk (apt-get install -y wrk).
# Usage: ipguard-jaxrs-examples/load/load-run.sh [seconds-per-run] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-5}
rounds=${2:-6}
jar=ipguard-jaxrs-examples/target/ipguard-jaxrs-examples.jar
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk"; exit 1; }
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests"; exit 1; }
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT

# A 10-entry group and a 10^6-entry group (seeded random blocks, /16-/28 mostly), both allowing 127.0.0.1.
{
  echo "ipguard.group.admin = 127.0.0.1"
  printf 'ipguard.group.default = 127.0.0.1, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 198.51.100.0/24, '
  echo '203.0.113.0/24, 192.0.2.0/24, 100.64.0.0/10, 2001:db8::/32, fd00::/8'
} > "$work/small.properties"
{
  echo "ipguard.group.admin = 127.0.0.1"
  printf 'ipguard.group.default = 127.0.0.1'
  awk 'BEGIN { srand(20261124); for (i = 1; i < 1000000; i++) {
         p = (rand() < 0.9) ? 16 + int(rand() * 13) : 29 + int(rand() * 4);
         a = int(rand() * 4294967296); m = 2 ^ (32 - p); a = a - (a % m);
         printf(", %d.%d.%d.%d/%d", int(a / 16777216), int(a / 65536) % 256, int(a / 256) % 256, a % 256, p) } }'
  echo
} > "$work/big.properties"

start() { # name port config
  java -jar "$jar" --port "$2" --config "$3" > "$work/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do grep -q 'listening on' "$work/$1.log" && return 0; sleep 0.5; done
  cat "$work/$1.log"; echo "server $1 did not start"; exit 1
}
start small 18181 "$work/small.properties"
start big 18182 "$work/big.properties"

run() { # label url -> appends "label rps p50 p99" to results
  wrk -t2 -c32 -d"${secs}s" --latency "$2" > "$work/wrk.out"
  rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.out")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.out")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.out")
  non2xx=$(awk '/Non-2xx/ {print $4}' "$work/wrk.out")
  [ -z "$non2xx" ] || { echo "$1 got non-2xx answers: $non2xx"; exit 1; }
  echo "$1 $rps $p50 $p99" | tee -a "$work/results"
}

# Warm both servers up (JIT) before measuring: the first rounds run up to 3x slower otherwise.
for _ in 1 2 3; do
  for url in http://127.0.0.1:18181/internal http://127.0.0.1:18181/public http://127.0.0.1:18182/internal; do
    wrk -t2 -c32 -d"${secs}s" "$url" > /dev/null
  done
done
for r in $(seq 1 "$rounds"); do
  run guarded http://127.0.0.1:18181/internal
  run open http://127.0.0.1:18181/public
  run big-group http://127.0.0.1:18182/internal
  run small-group http://127.0.0.1:18181/internal
done

# Medians over the rounds (the machine is shared: medians resist a disturbed round), and their ratios.
echo
median() { grep "^$1 " "$work/results" | awk -v col="$2" '{ v = $col; sub(/us$/, "", v) } $col ~ /ms$/ { v = $col; sub(/ms$/, "", v); v *= 1000 } { print v }' \
  | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
for k in guarded open big-group small-group; do
  printf '%-12s median %8.0f req/s   p50 %6.0f us   p99 %6.0f us\n' "$k" "$(median "$k" 2)" "$(median "$k" 3)" "$(median "$k" 4)"
done
awk -v g="$(median guarded 2)" -v o="$(median open 2)" -v b="$(median big-group 2)" -v s="$(median small-group 2)" \
  'BEGIN { printf("guarded/open throughput ratio:              %.3f\n10^6-entry/10-entry group throughput ratio: %.3f\n", g / o, b / s) }'
