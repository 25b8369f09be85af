#!/usr/bin/env bash
# Install (if needed) and start a local PostgreSQL server with a `dateline` role and a `dateline_test` database,
# for the store tests. Idempotent. Prints the URL to put in DATELINE_TEST_PG.
#   usage: eval "$(bash scripts/start-postgres.sh)"   # exports DATELINE_TEST_PG
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
fi
version=$(pg_lsclusters -h | awk 'NR==1 {print $1}')
cluster=$(pg_lsclusters -h | awk 'NR==1 {print $2}')
if [ -z "$version" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  cluster=main
  pg_createcluster "$version" "$cluster" >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $3}')
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}' | grep -q online; then
  pg_ctlcluster "$version" "$cluster" start >&2
fi
for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
as_pg() { su postgres -c "psql -p $port -qtAX -c \"$1\""; }
[ "$(as_pg "SELECT 1 FROM pg_roles WHERE rolname='dateline'")" = 1 ] ||
  as_pg "CREATE ROLE dateline LOGIN PASSWORD 'dateline' CREATEDB" >&2
[ "$(as_pg "SELECT 1 FROM pg_database WHERE datname='dateline_test'")" = 1 ] ||
  as_pg "CREATE DATABASE dateline_test OWNER dateline" >&2
echo "export DATELINE_TEST_PG=postgresql+psycopg://dateline:dateline@127.0.0.1:${port}/dateline_test"
