#!/usr/bin/env bash
# Build the demo site into site/ (Thai at /, English at /en/).
#   scripts/build.sh --offline   builds site-offline/ for opening without a web server
#                                (file://: a shared drive or a USB stick); see README.
set -euo pipefail
cd "$(dirname "$0")/.."
KMSITE_SYSTEM_PACKAGES=${KMSITE_SYSTEM_PACKAGES:-no} scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
.venv/bin/kmsite check
# kmsite build: mkdocs build --strict into a new folder, swapped in only when the build succeeds
if [ "${1:-}" = "--offline" ]; then
  shift
  KMSITE_OFFLINE=true .venv/bin/kmsite build -d site-offline "$@"
  echo "built site-offline/: copy the folder anywhere and open site-offline/index.html in a browser"
else
  .venv/bin/kmsite build "$@"
  echo "built site/: serve it with  .venv/bin/python -m http.server -d site 8000  and open http://localhost:8000/"
fi
