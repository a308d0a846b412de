#!/usr/bin/env bash
# Run the whole test suite (installs what it needs first; as root also the system packages).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
# One worker per core (KMSITE_TEST_WORKERS=0: in this process); a test file's tests stay on one worker, so
# each file's built sites (module fixtures) are built once.
exec .venv/bin/python -m pytest -n "${KMSITE_TEST_WORKERS:-auto}" --dist loadfile "$@"
