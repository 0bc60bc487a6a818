#!/usr/bin/env bash
# Installs what Accord needs on a fresh machine: pnpm (the version pinned in package.json) and the
# workspace's packages (better-sqlite3 compiles from source). With --browser (the test command) it
# also installs a Chromium for the end-to-end tests and makes sure PostgreSQL and Redis answer for
# the multi-server tests (scripts/services.sh; --services alone does that, --no-services skips
# it). Running Accord on its embedded SQLite needs neither. Safe to run again: each step is
# skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=false
want_services=""
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=true ;;
    --services) want_services=true ;;
    --no-services) want_services=false ;;
    *) echo "setup.sh: unknown option $arg (known: --browser, --services, --no-services)" >&2; exit 2 ;;
  esac
done
# The tests need PostgreSQL and Redis; running Accord on SQLite does not.
[ -z "$want_services" ] && want_services=$want_browser

pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  echo "Installing pnpm $pnpm_version…"
  npm install --global "pnpm@$pnpm_version" >/dev/null
fi

# Node's own headers, so node-gyp builds better-sqlite3 without downloading them.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi
pnpm install --frozen-lockfile

# PostgreSQL and Redis on 127.0.0.1 (a no-op when both answer; needs root or sudo otherwise).
if $want_services; then
  scripts/services.sh
fi

if $want_browser; then
  chromium_path=${ACCORD_CHROMIUM:-/usr/bin/chromium}
  if [ ! -x "$chromium_path" ]; then
    if command -v apt-get >/dev/null 2>&1; then
      echo "Installing Chromium from Debian for the end-to-end tests…"
      sudo_cmd=""
      [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
      $sudo_cmd apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
    else
      echo "No Chromium at $chromium_path: install one and set ACCORD_CHROMIUM to its path." >&2
      exit 1
    fi
  fi
fi
