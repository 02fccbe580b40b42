#!/usr/bin/env bash
# Native inflate benchmark: libdeflate vs ISA-L (igzip) vs system zlib (and the JDK's Inflater) on
# the zlib streams of a DBPF package. See README.md in this folder.
#
# Usage: tools/inflate-bench/run.sh [PACKAGE] [--threads T] [--rounds R] [--big] [--java] [--keep DIR]
#   PACKAGE      a .package file; none: `bin/ts4kit gen` writes a ~300 MB one (seed 12) into the work dir
#   --threads T  also time each library on T threads (T contiguous shares of the streams)
#   --rounds R   timed rounds per library, best reported (default 5)
#   --big        also run on a synthetic large-stream set: the package's uncompressed entries,
#                zlib-compressed at level 6 by dump_streams.py --recompress-none
#   --java       also time ts4kit's zlib twins (bench InflateStreams: libdeflate through FFM on Java 22+, and
#                java.util.zip.Inflater) with `java` and, when present,
#                every other JDK under /usr/lib/jvm whose major version is 22 or newer
#   --keep DIR   work dir (binary, generated package, stream files); default a temp dir, removed
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

PACKAGE="" THREADS=0 ROUNDS=5 BIG=0 JAVA=0 WORK=""
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) THREADS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --big) BIG=1; shift ;;
    --java) JAVA=1; shift ;;
    --keep) WORK="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) [ -z "$PACKAGE" ] || { echo "run.sh: one package only" >&2; exit 2; }; PACKAGE="$(realpath "$1")"; shift ;;
  esac
done

# 1. build dependencies (Debian bookworm: libdeflate-dev 1.14, libisal-dev 2.30, zlib1g-dev 1.2.13)
NEED=()
[ -f /usr/include/libdeflate.h ] || NEED+=(libdeflate-dev)
[ -f /usr/include/isa-l/igzip_lib.h ] || NEED+=(libisal-dev)
[ -f /usr/include/zlib.h ] || NEED+=(zlib1g-dev)
command -v gcc >/dev/null || NEED+=(gcc libc6-dev)
if [ ${#NEED[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "run.sh: missing packages; as root run:" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends ${NEED[*]}" >&2
    exit 2
  fi
  echo "run.sh: installing ${NEED[*]}" >&2
  apt-get install -y --no-install-recommends "${NEED[@]}" >&2 \
    || { apt-get update >&2 && apt-get install -y --no-install-recommends "${NEED[@]}" >&2; }
fi

if [ -z "$WORK" ]; then
  WORK="$(mktemp -d /tmp/inflate-bench.XXXXXX)"
  trap 'rm -rf "$WORK"' EXIT
else
  mkdir -p "$WORK"; WORK="$(cd "$WORK" && pwd)"
fi

# 2. compile
gcc -O2 -march=native -Wall -o "$WORK/inflate_bench" "$HERE/inflate_bench.c" -ldeflate -lisal -lz -lpthread

# 3. the package
if [ -z "$PACKAGE" ]; then
  PACKAGE="$(ls "$WORK"/gen/Big/big_*mb.package 2>/dev/null | head -1 || true)"
  if [ -z "$PACKAGE" ]; then
    echo "run.sh: generating a ~300 MB package (bin/ts4kit gen, seed 12) ..." >&2
    "$ROOT/bin/ts4kit" gen "$WORK/gen" --packages 0 --big-mb 300 --seed 12 >&2
    PACKAGE="$(ls "$WORK"/gen/Big/big_*mb.package | head -1)"
  fi
fi
echo "package: $PACKAGE ($(stat -c %s "$PACKAGE") bytes)"

# 4. dump and run
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1); load: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$HERE/dump_streams.py" "$PACKAGE" "$WORK/streams.bin"
ARGS=(--rounds "$ROUNDS")
[ "$THREADS" -gt 1 ] && ARGS+=(--threads "$THREADS")
echo
echo "== zlib entries of the package =="
"$WORK/inflate_bench" "$WORK/streams.bin" "${ARGS[@]}"

javas() {
  echo java
  for j in /usr/lib/jvm/*/bin/java; do
    [ -x "$j" ] || continue
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "${j%/bin/java}/release" 2>/dev/null)"
    [ -n "$v" ] && [ "$v" -ge 22 ] && echo "$j"
  done
  return 0
}
# the Java side: ts4kit's zlib twins (bench InflateStreams: the one the JVM picked, and Inflater) on the same file
BENCH_JAR="$ROOT/bench/target/benchmarks.jar"
java_side() {
  for j in $(javas); do
    echo
    "$j" --enable-native-access=ALL-UNNAMED -cp "$BENCH_JAR" org.ts4kit.bench.InflateStreams "$1" "$ROUNDS"
  done
}
if [ "$JAVA" = 1 ]; then
  if [ ! -f "$BENCH_JAR" ]; then
    "$ROOT/tools/package.sh" bench  # with the Java 22+ classes: the libdeflate twin
  fi
  java_side "$WORK/streams.bin"
fi

if [ "$BIG" = 1 ]; then
  echo
  echo "== synthetic large streams: the package's uncompressed entries, zlib level 6 =="
  python3 "$HERE/dump_streams.py" "$PACKAGE" "$WORK/big.bin" --recompress-none 6
  "$WORK/inflate_bench" "$WORK/big.bin" "${ARGS[@]}" --no-safety
  if [ "$JAVA" = 1 ]; then
    java_side "$WORK/big.bin"
  fi
fi
echo
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg) (over 1, 5, 15 min; 2 cores: numbers above ~0.5 before the run mean another process shared the CPU)"
