#!/usr/bin/env bash
# Builds kube4j and this module, then runs the API benchmark (kube4j vs fabric8's mock server vs the
# raw store) and prints its Markdown tables on stdout; progress goes to stderr.
#   bench/run.sh                       # the issue's sizes: 20,000 ConfigMaps, 10,000 pods, 10,000 events, 16 clients, 100 watchers
#   bench/run.sh --quick               # a smoke run with small sizes
#   bench/run.sh --configmaps 5000 --pods 2000 --events 2000 --clients 16 --watchers 20 --lists 5
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
  set -- --configmaps 2000 --pods 1000 --events 1000 --watchers 10 --lists 3 "$@"
fi
exec "$JAVA_HOME/bin/java" -Xmx4g --enable-native-access=ALL-UNNAMED \
  -cp "$root/bench/target/classes:$(cat "$classpath")" io.kube4j.bench.ApiBenchmark --jar "$root/cli/target/kube4j.jar" "$@"
