#!/usr/bin/env bash
# Installs libdeflate (Debian/Ubuntu package libdeflate0), the native inflater ts4kit binds on Java 22+
# (README, "Native inflate"), when it is missing. As root it installs it; otherwise it prints the command
# and exits 0: without it ts4kit inflates with java.util.zip.Inflater, same results, slower.
set -euo pipefail
if /sbin/ldconfig -p 2>/dev/null | grep -q 'libdeflate\.so\.0 '; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "ts4kit: installing libdeflate0 (native inflate on Java 22+)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends libdeflate0 >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends libdeflate0 >/dev/null; }
else
  echo "ts4kit: libdeflate not found; for the native inflate fast path (Java 22+): sudo apt-get install libdeflate0" >&2
fi
