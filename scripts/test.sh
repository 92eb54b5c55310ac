#!/usr/bin/env bash
# The one command that runs every test: unit tests, golden files, generate-compile-load tests, the Maven plugin's
# invoker ITs, and the integration tests against a real nats-server (started and stopped by the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
exec mvn -B -ntp install "$@"
