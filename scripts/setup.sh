#!/usr/bin/env bash
# Create the virtual environment if it is missing and install newskit with every extra into it.
# Idempotent: reinstalls only when pyproject.toml changed since the last install.
#
#   PYTHON=python3.10        the interpreter to create it with (default: python3)
#   NEWSKIT_VENV=.venv310    its folder, relative to the project root (default: .venv)
#
# e.g. PYTHON=/root/.pyenv/versions/3.10.13/bin/python3.10 NEWSKIT_VENV=.venv310 scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${NEWSKIT_VENV:-.venv}
if [ ! -x "$VENV/bin/python" ]; then
  PYTHON=${PYTHON:-python3}
  "$PYTHON" -c 'import sys; assert sys.version_info >= (3, 10), "newskit needs Python >= 3.10"'
  echo "newskit: creating $VENV with $("$PYTHON" --version)"
  "$PYTHON" -m venv "$VENV"
elif [ -n "${PYTHON:-}" ]; then
  want=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  have=$("$VENV/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  if [ "$want" != "$have" ]; then
    echo "newskit: $VENV has Python $have, not the $want of PYTHON=$PYTHON;" \
         "name another folder with NEWSKIT_VENV=... (or remove $VENV)" >&2
    exit 1
  fi
fi
stamp=$VENV/.newskit-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || ! "$VENV/bin/python" -c 'import newskit' 2>/dev/null; then
  echo "newskit: installing the package and its extras into $VENV (first run takes a few minutes)"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  "$VENV/bin/python" -m pip install --quiet -e ".[all]"
  echo "$want" > "$stamp"
fi
