#!/usr/bin/env bash
# The main job: builds the toolkit and the sample services, then runs the ticketing demo: nats-server and the four
# services (tickets, orders, expiration, payments) on free ports with embedded H2 databases, the scripted scenario
# over HTTP with every event printed as it flows, the final state checked, everything stopped. Exit 0 = all good.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh --demo
mkdir -p target
log=target/main-build.log
echo "eventcontracts: building the toolkit and the sample services (log: $log)"
if ! mvn -B -ntp install -DskipTests -Dinvoker.skip=true -pl sample-services/demo -am >"$log" 2>&1; then
  tail -n 60 "$log"
  echo "eventcontracts: build failed; full log in $log" >&2
  exit 1
fi
# The plugin's one-line summary for the generated ticketing library.
grep -E '\] eventcontracts: ' "$log" | sed 's/^\[INFO\] //' || true
demo=sample-services/demo/target
work=$(mktemp -d "${TMPDIR:-/tmp}/eventcontracts-demo-XXXXXX")
status=0
java -cp "$demo/sample-demo-0.1.0-SNAPSHOT.jar:$(cat "$demo/classpath.txt")" \
  io.eventcontracts.samples.demo.Demo "$work" || status=$?
# keep the work directory (databases, service logs) only when something failed
if [ "$status" -eq 0 ]; then rm -rf "$work"; fi
exit "$status"
