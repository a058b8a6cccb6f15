#!/usr/bin/env bash
# Set up (if needed) and run every test: unit and evaluation tests, and the notebooks.
# Extra arguments go to pytest (e.g. scripts/test.sh -k sentences).
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1
# the development NLTK data, where this checkout sits in the newskit workspace (never needed by the core)
if [ -z "${NLTK_DATA:-}" ] && [ -d ../shared/nltk_data ]; then export NLTK_DATA=$(cd ../shared/nltk_data && pwd); fi
export MPLBACKEND=Agg
.venv/bin/python -m pytest --nbmake --doctest-modules newskit tests notebooks -p no:cacheprovider "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "newskit: pytest collected no tests; that is a failure, not a pass" >&2
  exit 1
fi
exit "$status"
