#!/usr/bin/env bash
# Installs what tools/run-notebooks.sh needs to execute notebooks/*.ipynb, from Debian (no PyPI here):
# Jupyter's nbconvert + nbclient + the Python kernel, pandas, matplotlib, and JPype (for DuckDB's JDBC
# driver: Debian has no duckdb/pyarrow). Idempotent: installs only what is missing, and only as root;
# otherwise it names what is missing and fails.
#   tools/install-notebooks.sh
set -euo pipefail
pkgs=(jupyter-nbconvert python3-nbclient python3-ipykernel python3-pandas python3-matplotlib python3-jpype)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-notebooks: all present (${pkgs[*]})"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get > /dev/null; then
  echo "install-notebooks: missing ${missing[*]}: install them (Debian/Ubuntu: apt-get install ${missing[*]})," \
    "or on any machine: pip install duckdb pandas matplotlib jupyter" >&2
  exit 1
fi
echo "install-notebooks: apt-get install ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=600 update -qq > /dev/null
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
