#!/usr/bin/env bash
# A Spark standalone cluster: MASTER=spark://host:7077 deploy/submit-standalone.sh --out hdfs:///out hdfs:///mods
# Executors need Java 17+; their module opens come from conf/java-options (see common.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
: "${MASTER:?set MASTER=spark://host:7077}"
submit --master "$MASTER" --deploy-mode "${DEPLOY_MODE:-client}" --class org.ts4kit.job.JobMain \
  --properties-file "$CONF" \
  --driver-memory "${DRIVER_MEMORY:-2g}" --executor-memory "${EXECUTOR_MEMORY:-4g}" \
  --total-executor-cores "${TOTAL_CORES:-8}" \
  "$JOB_JAR" "$@"
