#!/usr/bin/env bash
# Runs every test of kube4j: unit, contract and end-to-end (the e2e tests drive /usr/bin/kubectl).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$root/scripts/java-home.sh"
cd "$root"
exec mvn -B -ntp verify "$@"
