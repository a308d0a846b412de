#!/usr/bin/env bash
# Build the demo site into site/ (Thai at /, English at /en/).
set -euo pipefail
cd "$(dirname "$0")/.."
KMSITE_SYSTEM_PACKAGES=${KMSITE_SYSTEM_PACKAGES:-no} scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
.venv/bin/kmsite check
.venv/bin/mkdocs build --strict "$@"
echo "built site/: serve it with  .venv/bin/python -m http.server -d site 8000  and open http://localhost:8000/"
