#!/usr/bin/env bash
# A throwaway PostgreSQL server for the storage tests, in a directory of its own.
#
#   scripts/postgres-test-server.sh start [DIR]   # prints the postgres:// URL on stdout
#   scripts/postgres-test-server.sh stop DIR      # stops the server and deletes DIR
#
# start: creates DIR (a new temporary directory when omitted; its path goes to stderr), runs
# initdb from /usr/lib/postgresql/*/bin (Debian's `postgresql` package) or from PATH, and starts
# the server on 127.0.0.1 at a free port, with a random password (SCRAM) and a database
# `zerotouch_test`. As root, the cluster runs as the unprivileged system user `zerotouch-pg`
# (created when missing), since PostgreSQL refuses to run as root; otherwise as the calling user.
# The server trades durability for speed (fsync off): it is for tests only.
#
# Use it as .ci/run does:
#   dir=$(mktemp -d); trap 'scripts/postgres-test-server.sh stop "$dir"' EXIT
#   export ZEROTOUCH_POSTGRES_URL=$(scripts/postgres-test-server.sh start "$dir")
set -euo pipefail

readonly run_user_as_root=zerotouch-pg
readonly database=zerotouch_test
readonly role=zerotouch

die() { echo "postgres-test-server: $*" >&2; exit 1; }

find_bin() {
    local candidate
    for candidate in /usr/lib/postgresql/*/bin; do
        [ -x "$candidate/initdb" ] && { echo "$candidate"; return; }
    done
    command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return; }
    die "initdb not found: install PostgreSQL (Debian: apt-get install postgresql)"
}

# Runs a command as the user that owns the cluster, from a directory that user can read.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u "$run_user_as_root" -- "$@")
    else
        (cd / && "$@")
    fi
}

# A TCP port on 127.0.0.1 that nothing answers on (the start below retries if it is taken since).
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    die "no free port found"
}

start() {
    local dir=${1:-}
    if [ -z "$dir" ]; then
        dir=$(mktemp -d "${TMPDIR:-/tmp}/zerotouch-postgres.XXXXXX")
        echo "postgres-test-server: data directory $dir" >&2
    fi
    mkdir -p "$dir"
    [ -z "$(ls -A "$dir")" ] || die "$dir is not empty"
    local bin
    bin=$(find_bin)
    if [ "$(id -u)" -eq 0 ]; then
        id -u "$run_user_as_root" >/dev/null 2>&1 ||
            useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$run_user_as_root"
        chown "$run_user_as_root:" "$dir"
    fi
    chmod 700 "$dir"

    local password
    password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
    printf '%s\n' "$password" | as_owner tee "$dir/password" >/dev/null
    as_owner "$bin/initdb" --pgdata="$dir/data" --username="$role" --pwfile="$dir/password" \
        --auth-host=scram-sha-256 --auth-local=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    as_owner rm -f "$dir/password"
    as_owner tee -a "$dir/data/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 400
shared_buffers = 32MB
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

    local port attempt
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        if as_owner "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait --timeout=60 \
            -o "-p $port" start >/dev/null; then
            echo "$port" | as_owner tee "$dir/port" >/dev/null
            as_owner "$bin/psql" --no-psqlrc --quiet --host="$dir" --port="$port" --username="$role" --dbname=postgres \
                --command="CREATE DATABASE $database" >/dev/null
            echo "postgres://$role:$password@127.0.0.1:$port/$database?sslmode=disable"
            return
        fi
        echo "postgres-test-server: start on port $port failed (attempt $attempt)" >&2
    done
    tail -20 "$dir/server.log" >&2 || true
    die "the server did not start"
}

stop() {
    local dir=${1:?usage: $0 stop DIR}
    [ -d "$dir" ] || return 0
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$(find_bin)/pg_ctl" --pgdata="$dir/data" --mode=fast --wait stop >/dev/null ||
            echo "postgres-test-server: pg_ctl stop failed" >&2
    fi
    rm -rf "$dir"
}

case "${1:-}" in
start) start "${2:-}" ;;
stop) stop "${2:-}" ;;
*) die "usage: $0 start [DIR] | stop DIR" ;;
esac
