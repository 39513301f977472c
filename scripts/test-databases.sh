#!/usr/bin/env bash
# PostgreSQL and PgBouncer for the test suite, from Debian's packages, on 127.0.0.1 only; and
# python3-sqlglot, the independent SQL parser IndependentParserTest runs on the Snowflake and BigQuery models;
# python3-yaml (PyYAML, the YAML 1.1 reader dbt Core uses) and python3-ruamel.yaml (a YAML 1.2 reader), which read
# the generated dbt YAML back in DbtYamlRoundTripTest;
# and TypeScript's tsc from npm (pinned, under ${REFLEKT_TEST_TOOLS_DIR:-$HOME/.cache/reflekt-test-tools}), which
# GeneratedTypeScriptTest runs on the generated events.ts.
#
#   scripts/test-databases.sh start   install if missing, then start both (idempotent)
#   scripts/test-databases.sh stop
#
# PostgreSQL: 127.0.0.1:${REFLEKT_TEST_PG_PORT:-55432}, database reflekt_test, user reflekt, password
# reflekt-test (a throwaway cluster under ${REFLEKT_TEST_DB_DIR:-/tmp/reflekt-test-db}).
# PgBouncer in front of it: 127.0.0.1:${REFLEKT_TEST_PGBOUNCER_PORT:-56432}, ignoring the startup
# parameters the Redshift JDBC driver sends and PostgreSQL rejects, so that tests can use the real
# redshift-jdbc42 driver against PostgreSQL.
set -euo pipefail

PG_PORT=${REFLEKT_TEST_PG_PORT:-55432}
BOUNCER_PORT=${REFLEKT_TEST_PGBOUNCER_PORT:-56432}
DIR=${REFLEKT_TEST_DB_DIR:-/tmp/reflekt-test-db}
USER_NAME=reflekt
PASSWORD=reflekt-test
DATABASE=reflekt_test

as_owner() {
  # initdb, postgres and pgbouncer refuse to run as root: run them as the 'postgres' system user.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install() {
  if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v pgbouncer >/dev/null \
      && /usr/bin/python3 -c 'import sqlglot, yaml, ruamel.yaml' 2>/dev/null; then
    return
  fi
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "Installing postgresql, pgbouncer, python3-sqlglot, python3-yaml and python3-ruamel.yaml (Debian packages)..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql pgbouncer python3-sqlglot python3-yaml python3-ruamel.yaml >/dev/null
}

TOOLS="${REFLEKT_TEST_TOOLS_DIR:-$HOME/.cache/reflekt-test-tools}"
TYPESCRIPT_VERSION=5.9.3
# Amplitude's Node SDK: generated TypeScript is compiled against its types and run through it to the local collector.
AMPLITUDE_NODE_VERSION=1.5.73

install_typescript() {
  if [ -x "$TOOLS/node_modules/.bin/tsc" ] && [ "$("$TOOLS/node_modules/.bin/tsc" --version)" = "Version $TYPESCRIPT_VERSION" ]; then
    return
  fi
  echo "Installing typescript@$TYPESCRIPT_VERSION (npm) into $TOOLS..."
  mkdir -p "$TOOLS"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "typescript@$TYPESCRIPT_VERSION" >/dev/null
}

install_amplitude_node() {
  local installed="$TOOLS/node_modules/@amplitude/analytics-node/package.json"
  if [ -f "$installed" ] && grep -q "\"version\": \"$AMPLITUDE_NODE_VERSION\"" "$installed"; then
    return
  fi
  echo "Installing @amplitude/analytics-node@$AMPLITUDE_NODE_VERSION (npm) into $TOOLS..."
  mkdir -p "$TOOLS"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "@amplitude/analytics-node@$AMPLITUDE_NODE_VERSION" >/dev/null
}

start() {
  install
  install_typescript
  install_amplitude_node
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  if [ ! -f "$DIR/pg/PG_VERSION" ]; then
    echo "$PASSWORD" > "$DIR/pwfile"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR/pwfile"
    as_owner "$bin/initdb" -D "$DIR/pg" -U "$USER_NAME" --pwfile="$DIR/pwfile" --auth=md5 -E UTF8 >/dev/null
    cat >> "$DIR/pg/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$DIR'
password_encryption = md5
fsync = off
CONF
  fi
  if ! as_owner "$bin/pg_ctl" -D "$DIR/pg" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$DIR/pg" -l "$DIR/postgres.log" -w start >/dev/null
    # md5 needs the password stored as md5: set it again now that password_encryption is md5.
    PGPASSWORD=$PASSWORD "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$USER_NAME" -d postgres -qc \
      "alter user $USER_NAME password '$PASSWORD'" >/dev/null
  fi
  if ! PGPASSWORD=$PASSWORD "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$USER_NAME" -d postgres -tAc \
      "select 1 from pg_database where datname = '$DATABASE'" | grep -q 1; then
    PGPASSWORD=$PASSWORD "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$USER_NAME" -d postgres -qc \
      "create database $DATABASE" >/dev/null
  fi

  cat > "$DIR/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=$PG_PORT

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER_PORT
unix_socket_dir =
auth_type = md5
auth_file = $DIR/userlist.txt
pool_mode = session
pidfile = $DIR/pgbouncer.pid
logfile = $DIR/pgbouncer.log
ignore_startup_parameters = driver_version,os_version,plugin_name,client_protocol_version,extra_float_digits
INI
  echo "\"$USER_NAME\" \"$PASSWORD\"" > "$DIR/userlist.txt"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR/pgbouncer.ini" "$DIR/userlist.txt"
  if ! { [ -f "$DIR/pgbouncer.pid" ] && kill -0 "$(cat "$DIR/pgbouncer.pid")" 2>/dev/null; }; then
    as_owner pgbouncer -d "$DIR/pgbouncer.ini"
  fi
  for _ in $(seq 1 50); do
    if PGPASSWORD=$PASSWORD "$bin/psql" -h 127.0.0.1 -p "$BOUNCER_PORT" -U "$USER_NAME" -d "$DATABASE" -tAc 'select 1' \
        >/dev/null 2>&1; then
      echo "PostgreSQL on 127.0.0.1:$PG_PORT, PgBouncer on 127.0.0.1:$BOUNCER_PORT (database $DATABASE, user $USER_NAME)"
      return
    fi
    sleep 0.2
  done
  echo "PgBouncer did not answer on 127.0.0.1:$BOUNCER_PORT; see $DIR/pgbouncer.log" >&2
  exit 1
}

stop() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -f "$DIR/pgbouncer.pid" ]; then kill "$(cat "$DIR/pgbouncer.pid")" 2>/dev/null || true; fi
  if [ -n "$bin" ] && [ -f "$DIR/pg/PG_VERSION" ]; then as_owner "$bin/pg_ctl" -D "$DIR/pg" -m fast stop >/dev/null 2>&1 || true; fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
