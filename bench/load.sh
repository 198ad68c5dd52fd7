#!/usr/bin/env bash
# Whole-server load measurement on loopback: starts Strata.Web (Release, SQLite in a temporary folder, rate limit raised
# so that it measures the engine, not the limiter), runs the bounded load generator, stops the server.
# Usage: bash bench/load.sh [WORKERS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
workers=${1:-8}; seconds=${2:-20}
data=$(mktemp -d)
dotnet build -c Release src/Strata.Web -v quiet -nologo >/dev/null
dotnet build -c Release bench/Strata.LoadTest -v quiet -nologo >/dev/null
dotnet artifacts/bin/Strata.Web/release/Strata.Web.dll --urls http://127.0.0.1:5090 --Strata:DataDirectory="$data" \
  --Strata:RateLimit:PerSecond=1000000 --Strata:RateLimit:Burst=1000000 --Logging:LogLevel:Default=Warning >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -sf http://127.0.0.1:5090/healthz >/dev/null; do sleep 0.2; done
dotnet artifacts/bin/Strata.LoadTest/release/Strata.LoadTest.dll http://127.0.0.1:5090 "$workers" "$seconds" examples
