#!/usr/bin/env bash
# Measures what a new user waits for: from a fresh clone to the first answered URL, with an empty
# package store and cache, running the README's first command
# (`bash scripts/setup.sh && pnpm build && pnpm start`) and polling until the server answers 200.
# Prints each phase with the load average at its end (the machine may be shared), then removes
# the clone, the store and the server it started.
#   bash scripts/measure-fresh-setup.sh [commit-ish]   (default: HEAD of this checkout)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
rev=$(git -C "$repo" rev-parse "${1:-HEAD}")
work=$(mktemp -d /tmp/accord-fresh-setup.XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -- "-$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

git clone --quiet --no-local "$repo" "$work/accord"
git -C "$work/accord" checkout --quiet "$rev"
cd "$work/accord"
# An empty store, metadata cache and state: every package is downloaded, every addon built.
# (pnpm 12 reads its settings from pnpm_config_*; older ones from npm_config_*: set both.)
export npm_config_store_dir="$work/store" npm_config_cache_dir="$work/cache" \
  npm_config_state_dir="$work/state" npm_config_nodedir=/usr \
  pnpm_config_store_dir="$work/store" pnpm_config_cache_dir="$work/cache" \
  pnpm_config_state_dir="$work/state"
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export PORT=$port

load() { cut -d' ' -f1-3 /proc/loadavg; }
start=$(date +%s.%N)
elapsed() { echo "$(date +%s.%N) - $start" | bc | xargs printf '%.1f'; }
echo "commit $rev, $(nproc) cores, load average at start $(load)"
bash scripts/setup.sh >"$work/setup.log" 2>&1 || { tail -30 "$work/setup.log"; exit 1; }
echo "setup.sh done at $(elapsed) s (load $(load))"
pnpm build >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
echo "pnpm build done at $(elapsed) s (load $(load))"
setsid pnpm start >"$work/start.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true)" = 200 ]; then
    echo "first 200 from http://127.0.0.1:$port/ at $(elapsed) s (load $(load))"
    grep -i "sqlite3\|node-gyp\|gyp info" "$work/setup.log" | grep -v better-sqlite3 | head -5 || true
    exit 0
  fi
  sleep 0.1
done
echo "no answer within 60 s of pnpm start"; tail -20 "$work/start.log"; exit 1
