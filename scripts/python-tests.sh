#!/usr/bin/env bash
# The Python package's tests: builds the wheel of crates/python, installs it
# into a virtualenv outside the checkout, runs pytest on crates/python/tests
# against the release CLI, checks the type stubs with mypy's stubtest, then
# measures analyze_many's throughput against the CLI's
# (scripts/python-throughput.py).
#
# The virtualenv is $NEWSGRAPH_PYVENV (default ~/.cache/newsgraph/pyvenv),
# reused between runs. The wheel is built in the workspace's target
# directory, so a second run compiles only what changed; the first is a
# release build of the binding's dependency graph, which cargo resolves with
# other features than the CLI's and so does not share with it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
start=$(date +%s)

# The eval scripts' virtualenv helper, pointed at a venv of its own; maturin
# is the build backend pyproject.toml names, and with it installed here
# --no-build-isolation makes the install below need no network. pyarrow is
# for Pipeline.analyze_arrow's tests; pyspark (with the pandas its
# mapInArrow needs) and duckdb for newsgraph.spark's test, which also needs
# Java 17+ (.ci/run installs a JRE when there is none).
NEWSGRAPH_VENV="${NEWSGRAPH_PYVENV:-$HOME/.cache/newsgraph/pyvenv}"
. scripts/eval/venv.sh "maturin>=1.7,<2" "pytest>=7" "mypy>=1.10" "pyarrow>=14" \
  "pyspark>=4.0" "pandas>=2.2,<3" "duckdb>=1.1"
py="$VENV_PYTHON"
# The maturin backend runs `maturin` from PATH.
export PATH="$NEWSGRAPH_VENV/bin:$PATH"

[ -x target/release/newsgraph ] || cargo build --release -p newsgraph

echo "building and installing the wheel (pip install ./crates/python)"
build_start=$(date +%s)
CARGO_TARGET_DIR="$root/target" "$py" -m pip install -q --disable-pip-version-check \
  --no-build-isolation --force-reinstall --no-deps ./crates/python
build_secs=$(( $(date +%s) - build_start ))
echo "wheel built and installed in ${build_secs}s"

echo "pytest crates/python/tests"
# Run from the tests folder so that `newsgraph` is the installed package,
# not a source tree. test_spark.py starts Spark in local[2] (about a minute).
(cd crates/python/tests && NEWSGRAPH_BIN="$root/target/release/newsgraph" "$py" -m pytest -q -p no:cacheprovider .)

echo "mypy stubtest: the type stubs against the installed module"
mypy_cache=$(mktemp -d)
(cd crates/python/tests && MYPY_CACHE_DIR="$mypy_cache" "$py" -m mypy.stubtest newsgraph)
rm -rf "$mypy_cache"

if [ -d ../shared/data/extraction/html ]; then
  "$py" scripts/python-throughput.py --cli "$root/target/release/newsgraph" ../shared/data/extraction/html
else
  echo "../shared is absent: the throughput measurement is skipped"
fi
echo "python tests done in $(( $(date +%s) - start ))s (wheel ${build_secs}s)"
