#!/usr/bin/env bash
# Prepare a fresh machine: system packages (when root) and the Python environment in .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

want_system=${KMSITE_SYSTEM_PACKAGES:-auto}
packages=(libicu-dev pkg-config chromium fonts-thai-tlwg zbar-tools poppler-utils default-jre-headless)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && [ "$want_system" != "no" ]; then
    echo "setup: installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing system packages (install them as root): ${missing[*]}" >&2
  fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test,properdocs]'

# Test-only JavaScript tools (axe-core, the Nu Html Checker vnu-jar), pinned by package-lock.json; Node.js and npm come with the machine.
if command -v npm >/dev/null 2>&1; then
  npm ci --no-audit --no-fund --silent >/dev/null
else
  echo "setup: npm is missing: the accessibility tests need axe-core from npm" >&2
fi
