#!/usr/bin/env bash
# Make sure Debian's Chromium is present (tests and the demo never download a browser).
set -euo pipefail
CHROMIUM="${KAA_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium saknas: installerar Debians paket chromium (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-dejavu-core >/dev/null
  exit 0
fi
echo "Chromium saknas på $CHROMIUM. Installera Debians paket: sudo apt-get install -y chromium fonts-liberation" >&2
echo "(eller peka ut en annan binär med KAA_CHROMIUM=/väg/till/chromium)." >&2
exit 3
