#!/usr/bin/env bash
# Source this file to get a Python virtualenv outside the repo with the
# given PyPI packages installed:
#   . scripts/eval/venv.sh trafilatura resiliparse
# The venv lives in $NEWSGRAPH_VENV (default ~/.cache/newsgraph/venv) and is
# reused across runs; packages already present are not reinstalled.
set -euo pipefail
NEWSGRAPH_VENV="${NEWSGRAPH_VENV:-$HOME/.cache/newsgraph/venv}"
if [ ! -x "$NEWSGRAPH_VENV/bin/python" ]; then
  python3 -m venv "$NEWSGRAPH_VENV"
  "$NEWSGRAPH_VENV/bin/pip" install -q --upgrade pip >/dev/null
fi
if [ "$#" -gt 0 ]; then
  missing=()
  for pkg in "$@"; do
    "$NEWSGRAPH_VENV/bin/pip" show -q "${pkg%%[=<>]*}" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing into $NEWSGRAPH_VENV: ${missing[*]}" >&2
    "$NEWSGRAPH_VENV/bin/pip" install -q "${missing[@]}" >&2
  fi
fi
VENV_PYTHON="$NEWSGRAPH_VENV/bin/python"
export VENV_PYTHON NEWSGRAPH_VENV
