#!/usr/bin/env bash
# The main job. Until the sample services and their demo land, it builds everything (contracts -> generated typed
# events -> runtime and transports) and prints the contract summary of the generated ticketing library.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
mkdir -p target
log=target/main-build.log
echo "eventcontracts: building all modules (log: $log)"
if ! mvn -B -ntp install -DskipTests -Dinvoker.skip=true >"$log" 2>&1; then
  tail -n 60 "$log"
  echo "eventcontracts: build failed; full log in $log" >&2
  exit 1
fi
# The plugin's one-line summary for the generated ticketing library.
grep -E '\] eventcontracts: ' "$log" | sed 's/^\[INFO\] //'
echo
# Maven 3.8's console still writes colour resets in batch mode: strip them from the table.
mvn -B -ntp -q -pl generated-events org.codehaus.mojo:exec-maven-plugin:3.5.1:java -Dslf4j.internal.verbosity=ERROR \
  -Dexec.mainClass=io.eventcontracts.runtime.tools.BundledContracts 2>&1 | sed 's/\x1b\[[0-9;]*m//g'
