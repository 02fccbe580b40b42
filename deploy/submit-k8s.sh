#!/usr/bin/env bash
# Kubernetes: K8S_MASTER=k8s://https://api.example:6443 IMAGE=registry/spark:4.2.0-java17 \
#   deploy/submit-k8s.sh --out s3a://bucket/ts4kit-out s3a://bucket/mods
# The image must hold Spark 4.2 on Java 17+; the job jar is served from JAR_URL (e.g. s3a:// or
# https://), or baked into the image at local:///opt/ts4kit/ts4kit-job.jar.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
: "${K8S_MASTER:?set K8S_MASTER=k8s://https://host:port}"
: "${IMAGE:?set IMAGE to a Spark 4.2 / Java 17+ container image}"
submit --master "$K8S_MASTER" --deploy-mode cluster --name ts4kit --class org.ts4kit.job.JobMain \
  --properties-file "$CONF" \
  --conf spark.kubernetes.container.image="$IMAGE" \
  --conf spark.kubernetes.namespace="${NAMESPACE:-default}" \
  --conf spark.kubernetes.authenticate.driver.serviceAccountName="${SERVICE_ACCOUNT:-spark}" \
  --conf spark.executor.instances="${EXECUTORS:-4}" \
  --conf spark.executor.memory="${EXECUTOR_MEMORY:-4g}" --conf spark.driver.memory="${DRIVER_MEMORY:-2g}" \
  "${JAR_URL:-local:///opt/ts4kit/ts4kit-job.jar}" "$@"
