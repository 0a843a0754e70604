#!/usr/bin/env bash
# Runs before `npm test`: the shared store suite needs Debian's redis-server (the tests start their own
# instance on 127.0.0.1). Installs it when missing and we may (root with apt-get); otherwise says how.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "redis-server not found: installing Debian's redis-server for the store tests…" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  exit 0
fi
echo "redis-server is needed by the store tests: install it (e.g. 'sudo apt-get install redis-server')." >&2
exit 1
