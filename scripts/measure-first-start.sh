#!/usr/bin/env bash
# Times a first start on the embedded default: an empty SQLite database, migrations, reference data,
# the shipped conflict data and the first administrator, until /healthz answers 200.
# Usage: bash scripts/measure-first-start.sh [runs]   (builds once, then starts the built app each run)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-3}"
port=5197
dotnet build src/Interlock.Web -c Release -v quiet -nologo >/dev/null
app="src/Interlock.Web/bin/Release/net10.0/Interlock.Web.dll"
for i in $(seq 1 "$runs"); do
  dir="$(mktemp -d)"
  start=$(date +%s.%N)
  INTERLOCK_ADMIN_PASSWORD="measure-first-start-$RANDOM$RANDOM" ConnectionStrings__Interlock="Data Source=$dir/interlock.db" \
    dotnet "$app" --urls "http://127.0.0.1:$port" --contentRoot "$PWD/src/Interlock.Web" >"$dir/out.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do
    kill -0 "$pid" 2>/dev/null || { cat "$dir/out.log"; exit 1; }
    sleep 0.1
  done
  end=$(date +%s.%N)
  ready=$(grep -o 'Database ready on [A-Za-z]* in [0-9]* ms' "$dir/out.log" || true)
  printf 'run %d: /healthz 200 after %.1f s (%s)\n' "$i" "$(echo "$end - $start" | bc)" "$ready"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
done
