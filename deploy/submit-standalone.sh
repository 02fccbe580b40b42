#!/usr/bin/env bash
# A Spark standalone cluster: MASTER=spark://host:7077 deploy/submit-standalone.sh --out hdfs:///out hdfs:///mods
# Executors need Java 17+ (Spark adds their module opens itself). A standalone executor fetches --files
# only with its first task, after log4j has started, so executors keep the Workers' own log4j2.properties.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
: "${MASTER:?set MASTER=spark://host:7077}"
DEPLOY_MODE="${DEPLOY_MODE:-client}"
EXECUTOR_LOG_CONF=""
SHIP_LOG_CONF=0
if [ "$DEPLOY_MODE" = cluster ]; then
  # the driver runs on a Worker, started by it without Spark's launcher: it needs the module opens from
  # us, and it cannot read this machine's conf/log4j2.properties
  DRIVER_MODULE_OPTIONS=1
  DRIVER_LOG_CONF=""
fi
submit --master "$MASTER" --deploy-mode "$DEPLOY_MODE" --class org.ts4kit.job.JobMain \
  --driver-memory "${DRIVER_MEMORY:-2g}" --executor-memory "${EXECUTOR_MEMORY:-4g}" \
  --total-executor-cores "${TOTAL_CORES:-8}" \
  "${USER_OPTIONS[@]}" "$JOB_JAR" "$@"
