#!/usr/bin/env bash
# Builds kube4j and this module, then runs the scheduler benchmark of issue 3 (SchedulingBasic on
# simulated nodes, the pod-binding write ceiling, Deployment churn) and prints its Markdown tables on
# stdout; progress goes to stderr.
#   bench/run-scheduler.sh              # the issue's sizes: 5,000 nodes × 10,000 pods; churn 1,000 nodes, 300 × 100
#   bench/run-scheduler.sh --quick      # a smoke run with small sizes
#   bench/run-scheduler.sh --nodes 1000 --pods 5000 --phases scheduling,binding
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$root/scripts/java-home.sh"
cd "$root"
classpath="$root/bench/target/classpath.txt"
# One reactor invocation, so that the classpath points at this checkout's freshly built jars.
mvn -q -B -ntp -DskipTests -pl cli,bench -am install dependency:build-classpath \
  -Dmdep.outputFile="$classpath" -DincludeScope=runtime >&2
if [ "${1:-}" = "--quick" ]; then
  shift
  set -- --nodes 200 --pods 1000 --churn-nodes 50 --deployments 20 --replicas 20 --timeout-minutes 10 "$@"
fi
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$root/bench/target/classes:$(cat "$classpath")" \
  io.kube4j.bench.sched.SchedulerBenchmark --jar "$root/cli/target/kube4j.jar" "$@"
