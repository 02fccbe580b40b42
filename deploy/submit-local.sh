#!/usr/bin/env bash
# Local mode through spark-submit: deploy/submit-local.sh --out OUT INPUT...
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
submit --master "local[*]" --deploy-mode client --class org.ts4kit.job.JobMain \
  --driver-memory "${DRIVER_MEMORY:-4g}" \
  "${USER_OPTIONS[@]}" "$JOB_JAR" "$@"
