#!/usr/bin/env bash
# Installs Chromium (Debian's package "chromium"), the headless browser that opens report.html in
# HtmlReportInBrowserTest (README, "report.html"), when none is on the PATH. As root it installs it;
# otherwise it prints the command and exits 0: without a browser that test is skipped, unless
# -Dts4kit.expectChromium=true (as in .ci/run) makes a missing browser a failure.
set -euo pipefail
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null; then
    exit 0
  fi
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "ts4kit: installing chromium (report.html is checked in a headless browser)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
else
  echo "ts4kit: no chromium found; to check report.html in a headless browser: sudo apt-get install chromium" >&2
fi
