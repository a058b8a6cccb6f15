#!/usr/bin/env bash
# Set up (if needed) and analyse the bundled sample articles; results go to ./demo_output.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export MPLBACKEND=${MPLBACKEND:-Agg}
exec .venv/bin/python -m newskit demo --out "${1:-demo_output}"
