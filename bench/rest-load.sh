#!/usr/bin/env bash
# REST load benchmark (docs/PERFORMANCE.md): starts the packaged server on a replayed real
# recording, signs in, and drives GET /api/prices/... with wrk (Debian package `wrk`).
#   bench/rest-load.sh [rate req/s, 0 = as fast as possible] [seconds] [connections]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$root/bin/find-jdk"
rate="${1:-2000}"; seconds="${2:-30}"; connections="${3:-16}"
port="${PORT:-18080}"
data="${CROSSBOOK_SHARED_DATA:-$root/../shared/data}"
recording="$data/binance/hftbacktest/usdm/btcusdt_20240808.gz"
command -v wrk >/dev/null || { echo "rest-load: wrk not found (apt install wrk)" >&2; exit 1; }
[ -f "$recording" ] || { echo "rest-load: recording not found: $recording" >&2; exit 1; }
[ -f "$root/server/target/crossbook-exec.jar" ] || (cd "$root" && ./mvnw -q -B -DskipTests -pl server -am package)

work="$(mktemp -d)"
password="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
(cd "$work" && CROSSBOOK_ADMIN_PASSWORD="$password" exec "$JAVA_HOME/bin/java" -Xms512m -Xmx512m -jar "$root/server/target/crossbook-exec.jar" \
    serve --source "binance:linear:$recording" --speed 1x --loop --server.port="$port" \
    --crossbook.market-data.feeds= >"$work/server.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
token="$(curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$password\"}" \
    "http://127.0.0.1:$port/api/auth/login" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')"
[ -n "$token" ] || { echo "rest-load: login failed; server log: $work/server.log" >&2; cat "$work/server.log" >&2; exit 1; }
url="http://127.0.0.1:$port/api/prices/binance/BTCUSDT?depth=20"
curl -sf -H "Authorization: Bearer $token" "$url" | head -c 300; echo
echo "wrk: $connections connections, ${seconds}s, target ${rate} req/s (0 = unpaced), $(nproc) cores"
# two wrk threads, each paced to half the rate; a warm-up, then the measured run
export WRK_THREAD_RATE=$(( rate / 2 ))
wrk -t2 -c"$connections" -d10s -s "$root/bench/wrk-report.lua" -H "Authorization: Bearer $token" "$url" >/dev/null
wrk -t2 -c"$connections" -d"${seconds}s" -s "$root/bench/wrk-report.lua" -H "Authorization: Bearer $token" "$url"
