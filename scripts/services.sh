#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432, trust auth from 127.0.0.1, a `test` database) and Redis
# (127.0.0.1:6379) answer, for the multi-server storage and its tests (issue 19). Does nothing
# when both already answer. Otherwise installs the Debian packages if missing and starts them,
# which needs root or sudo; without either it only says what to do. SQLite needs neither.
#   --dry-run   print the commands that would change the machine instead of running them
# ACCORD_PG_PORT / ACCORD_REDIS_PORT change the ports checked (for testing this script).
set -euo pipefail

dry_run=false
for arg in "$@"; do
  case "$arg" in
    --dry-run) dry_run=true ;;
    *) echo "services.sh: unknown option $arg (known: --dry-run)" >&2; exit 2 ;;
  esac
done

pg_port=${ACCORD_PG_PORT:-5432}
redis_port=${ACCORD_REDIS_PORT:-6379}

run() {
  if $dry_run; then echo "would run: $*"; else "$@"; fi
}

postgres_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h 127.0.0.1 -p "$pg_port" -t 2
  else
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$pg_port" 2>/dev/null
  fi
}

redis_answers() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$redis_port && printf 'PING\r\n' >&3 \
    && read -r line <&3 && [[ \$line == +PONG* ]]" 2>/dev/null
}

pg_ok=true; redis_ok=true
postgres_answers || pg_ok=false
redis_answers || redis_ok=false
if $pg_ok && $redis_ok; then
  echo "PostgreSQL (127.0.0.1:$pg_port) and Redis (127.0.0.1:$redis_port) answer: nothing to do."
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo_cmd=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo_cmd=(sudo)
else
  $pg_ok || echo "PostgreSQL does not answer on 127.0.0.1:$pg_port." >&2
  $redis_ok || echo "Redis does not answer on 127.0.0.1:$redis_port." >&2
  cat >&2 <<'EOF'
Starting them needs root or passwordless sudo, which this shell has not. As an administrator:
  apt-get install postgresql redis-server
  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | sort -V | tail -1) main start
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no
then allow trust auth from 127.0.0.1 in pg_hba.conf and create a database named test.
Only the PostgreSQL storage and its tests need them; the default SQLite storage does not.
EOF
  exit 0
fi

apt_install() {
  run "${sudo_cmd[@]}" apt-get update -qq
  run "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

if ! $pg_ok; then
  if [ -z "$(ls /etc/postgresql 2>/dev/null)" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "Installing PostgreSQL from Debian…"
    apt_install postgresql
  fi
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  version=${version:-VERSION}
  hba=/etc/postgresql/$version/main/pg_hba.conf
  # Trust from this machine only: a development and test set-up, never a production one.
  if ! grep -Eq '^host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba" 2>/dev/null; then
    echo "Allowing trust auth from 127.0.0.1 in $hba…"
    run "${sudo_cmd[@]}" sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  echo "Starting PostgreSQL $version…"
  run "${sudo_cmd[@]}" pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  run "${sudo_cmd[@]}" pg_ctlcluster --skip-systemctl-redirect "$version" main reload || true
  if ! $dry_run; then
    for _ in $(seq 30); do postgres_answers && break; sleep 1; done
    postgres_answers || { echo "PostgreSQL did not start; see /var/log/postgresql." >&2; exit 1; }
    if [ "$(psql -h 127.0.0.1 -p "$pg_port" -U postgres -w -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'")" != 1 ]; then
      createdb -h 127.0.0.1 -p "$pg_port" -U postgres -w test
    fi
  else
    echo "would run: createdb -h 127.0.0.1 -p $pg_port -U postgres test (unless it exists)"
  fi
fi

if ! $redis_ok; then
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "Installing Redis from Debian…"
    apt_install redis-server
  fi
  echo "Starting Redis…"
  run "${sudo_cmd[@]}" redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no
  if ! $dry_run; then
    for _ in $(seq 10); do redis_answers && break; sleep 1; done
    redis_answers || { echo "Redis did not start." >&2; exit 1; }
  fi
fi
if $dry_run; then echo "Dry run: nothing was changed."; else echo "PostgreSQL and Redis answer on 127.0.0.1."; fi
