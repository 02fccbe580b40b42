#!/usr/bin/env bash
# Executes every notebooks/*.ipynb against a job output folder, as CI does, and fails on any cell error:
#   tools/run-notebooks.sh [--fixtures] [OUT_DIR]   (default: ./demo-out, made by bin/demo when missing)
# --fixtures also runs ts4kit_sql's tests (notebooks/test_ts4kit_sql.py) and the notebooks on two outputs
# notebooks/make_fixture.py writes: one with every table of newer jobs (findings, conflict_pairs, timings...),
# one with every table empty.
# The notebooks read OUT_DIR through notebooks/ts4kit_sql.py: the duckdb Python package when there is one,
# else DuckDB's JDBC driver through JPype, whose jar this script fetches from Maven Central into
# notebooks/.lib/ at the version pinned as duckdb.version in pom.xml. Executed copies go to a temporary
# folder (TS4KIT_NOTEBOOKS_OUT=DIR keeps them there): notebooks/ itself is never written.
# Needs Jupyter, pandas, matplotlib (and JPype without duckdb): tools/install-notebooks.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIXTURES=false
if [ "${1:-}" = --fixtures ]; then FIXTURES=true; shift; fi
case "${1:-}" in -*) echo "usage: tools/run-notebooks.sh [--fixtures] [OUT_DIR]" >&2; exit 2 ;; esac
OUT="${1:-$ROOT/demo-out}"

# the Python that has nbconvert (a pyenv or venv python3 first on the PATH may not; Debian's has)
PY=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" > /dev/null && "$p" -c 'import nbconvert, nbclient, ipykernel, pandas, matplotlib' 2> /dev/null; then
    PY="$(command -v "$p")"; break
  fi
done
[ -n "$PY" ] || { echo "run-notebooks: no python3 with nbconvert, ipykernel, pandas and matplotlib: run tools/install-notebooks.sh" >&2; exit 1; }

if ! "$PY" -c 'import duckdb' 2> /dev/null && [ -z "${TS4KIT_DUCKDB_JAR:-}" ]; then
  "$PY" -c 'import jpype' 2> /dev/null || { echo "run-notebooks: neither duckdb nor jpype importable by $PY: run tools/install-notebooks.sh" >&2; exit 1; }
  VERSION="$(sed -n 's:.*<duckdb.version>\(.*\)</duckdb.version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
  [ -n "$VERSION" ] || { echo "run-notebooks: no <duckdb.version> in $ROOT/pom.xml" >&2; exit 1; }
  JAR="$ROOT/notebooks/.lib/duckdb_jdbc-$VERSION.jar"
  if [ ! -f "$JAR" ]; then
    echo "run-notebooks: fetching org.duckdb:duckdb_jdbc:$VERSION into notebooks/.lib/" >&2
    (cd "$ROOT" && mvn -q -B -ntp -Dstyle.color=never -N dependency:copy -Dartifact="org.duckdb:duckdb_jdbc:$VERSION" \
      -DoutputDirectory="$ROOT/notebooks/.lib") >&2
  fi
  export TS4KIT_DUCKDB_JAR="$JAR"
fi

if [ ! -f "$OUT/summary.json" ]; then
  if [ "$OUT" = "$ROOT/demo-out" ]; then
    echo "run-notebooks: no job output in $OUT: running bin/demo (generates ./demo, runs the job)" >&2
    log="$(mktemp)"
    "$ROOT/bin/demo" > "$log" 2>&1 || { tail -30 "$log" >&2; rm -f "$log"; exit 1; }
    grep -E '^(tables|summary|report):' "$log" >&2 || true
    rm -f "$log"
  else
    echo "run-notebooks: $OUT has no summary.json: not a ts4kit-job --out folder" >&2
    exit 1
  fi
fi
OUT="$(cd "$OUT" && pwd)"

if [ -n "${TS4KIT_NOTEBOOKS_OUT:-}" ]; then
  dest="$TS4KIT_NOTEBOOKS_OUT"; mkdir -p "$dest"
else
  dest="$(mktemp -d)"; trap 'rm -rf "$dest"' EXIT
fi
export PYDEVD_DISABLE_FILE_VALIDATION=1
backend="$("$PY" -c 'import duckdb' 2> /dev/null && echo "duckdb Python package" || echo "DuckDB JDBC ${TS4KIT_DUCKDB_JAR##*/}")"
failed=()

# run_all OUT LABEL: executes every notebook on OUT, executed copies into $dest/LABEL
run_all() {
  local out="$1" to="$dest/$2"
  mkdir -p "$to"
  echo "run-notebooks: $out ($backend)"
  for nb in "$ROOT"/notebooks/*.ipynb; do
    local name start ms status
    name="$(basename "$nb")"
    start=$(date +%s%N)
    if TS4KIT_OUT="$out" "$PY" -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
        --output-dir "$to" "$nb" > "$to/$name.log" 2>&1; then
      status=ok
    else
      status=FAILED; failed+=("$2/$name")
    fi
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    printf '%-32s %-6s %4d.%d s\n' "$name" "$status" $((ms / 1000)) $((ms % 1000 / 100))
    if [ "$status" = FAILED ]; then sed 's/\x1b\[[0-9;]*m//g' "$to/$name.log" | grep -v '^\s*$' | tail -30 >&2; fi
  done
}

if $FIXTURES; then
  echo "run-notebooks: ts4kit_sql's tests"
  if (cd "$ROOT/notebooks" && "$PY" -m unittest test_ts4kit_sql > "$dest/unittest.log" 2>&1); then
    grep -v '^\s*$' "$dest/unittest.log" | tail -2
  else
    tail -40 "$dest/unittest.log" >&2; failed+=(test_ts4kit_sql.py)
  fi
fi
run_all "$OUT" output
if $FIXTURES; then
  "$PY" "$ROOT/notebooks/make_fixture.py" "$dest/fixture-out" > /dev/null
  run_all "$dest/fixture-out" fixture
  "$PY" "$ROOT/notebooks/make_fixture.py" "$dest/empty-out" --empty > /dev/null
  run_all "$dest/empty-out" empty
fi
if [ -n "${TS4KIT_NOTEBOOKS_OUT:-}" ]; then echo "executed notebooks in $dest"; fi
[ ${#failed[@]} -eq 0 ] || { echo "run-notebooks: failed: ${failed[*]}" >&2; exit 1; }
