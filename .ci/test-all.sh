#!/usr/bin/env bash
# Every test of KAA-lotsen: types, lint, unit tests, production builds (Chrome MV3 + Firefox), and end-to-end tests of
# the built extension in Debian's Chromium against the UKA stand-in. Run after `npm ci` (README).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/ensure-chromium.sh
echo "== typecheck"; npm run -s typecheck
echo "== lint"; npm run -s lint
echo "== unit tests"; npm run -s test:unit
echo "== production builds"; npm run -s build; npm run -s build:firefox; node .ci/check-production.mjs; node .ci/check-budgets.mjs; npx web-ext lint -s .output/firefox-mv3 --no-input -o json > .output/web-ext-lint.json || { cat .output/web-ext-lint.json; exit 1; }; echo "web-ext lint: no errors"
echo "== end-to-end tests (built extension in Chromium)"; npm run -s build:test; KAA_SKIP_BUILD=1 npm run -s test:e2e
