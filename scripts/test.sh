#!/usr/bin/env bash
# Set up (if needed) and run every test: unit and evaluation tests, doctests, and the notebooks.
# Extra arguments go to pytest (e.g. scripts/test.sh -k sentences).
#
#   PYTHON=python3.10 NEWSKIT_VENV=.venv310 scripts/test.sh    the same under another Python
#                                                              (in its own virtual environment)
#   NEWSKIT_NOTEBOOKS=0 scripts/test.sh                         without executing the notebooks
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1
VENV=${NEWSKIT_VENV:-.venv}
# the development NLTK data, where this checkout sits in the newskit workspace (never needed by the core)
if [ -z "${NLTK_DATA:-}" ] && [ -d ../shared/nltk_data ]; then export NLTK_DATA=$(cd ../shared/nltk_data && pwd); fi
# the CheckThat! dev-test file notebook 02 scores the model on, where the workspace has a copy
if [ -z "${NEWSKIT_CLAIMS_DEV:-}" ] && [ -f ../shared/data/claims/dev.tsv ]; then
  export NEWSKIT_CLAIMS_DEV=$(cd ../shared/data/claims && pwd)/dev.tsv
fi
export MPLBACKEND=Agg
targets=(newskit tests notebooks)
notebooks=(--nbmake)
if [ "${NEWSKIT_NOTEBOOKS:-1}" = 0 ]; then targets=(newskit tests); notebooks=(); fi
echo "newskit: testing with $("$VENV/bin/python" --version) from $VENV"
"$VENV/bin/python" -m pytest "${notebooks[@]}" --doctest-modules "${targets[@]}" -p no:cacheprovider "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "newskit: pytest collected no tests; that is a failure, not a pass" >&2
  exit 1
fi
exit "$status"
