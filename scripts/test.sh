#!/usr/bin/env bash
# Run the whole test suite (installs what it needs first; as root also the system packages).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
