#!/usr/bin/env bash
# Code generation benchmark (not a test): eventcontracts-maven-plugin vs plain jsonschema2pojo-maven-plugin 1.3.3
# on the same N synthetic contracts.
#
#   benchmarks/codegen/run.sh [N...]          default: 100 1000
#   REPEAT=3 benchmarks/codegen/run.sh 1000   best of 3 per measurement
#   KEEP=1 ...                                keep the temp projects (path printed)
#   CORPUS=composition benchmarks/codegen/run.sh 200
#                                             the composition-heavy draft-07 corpus (gen_composition.py) instead
#
# The Maven repository is ~/.m2/repository, or the one given with -Dmaven.repo.local in MAVEN_OPTS.
#
# Needs eventcontracts-maven-plugin in ~/.m2 (mvn -o -B -q -pl codegen-core,codegen-maven-plugin install
# -DskipTests -Dinvoker.skip). Runs Maven offline; fetches jsonschema2pojo-maven-plugin once if it is missing.
# Per N it measures:
#   ours full    wall time of `mvn -o -B generate-sources` on a fresh target/, and the ms of the plugin's summary line
#   ours no-op   the same again without deleting target/: the plugin must report "up to date"
#   j2p full     wall time of `mvn -o -B generate-sources` with jsonschema2pojo-maven-plugin on a fresh target/
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VERSION="$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$ROOT/pom.xml" | head -1)"
J2P_VERSION=1.3.3
REPEAT="${REPEAT:-1}"
SIZES=("$@")
CORPUS="${CORPUS:-plain}"
GEN="$HERE/gen_contracts.py"
[ "$CORPUS" = composition ] && GEN="$HERE/gen_composition.py"
M2="$(printf '%s' "${MAVEN_OPTS:-}" | sed -n 's/.*-Dmaven.repo.local=\([^ ]*\).*/\1/p')"
M2="${M2:-$HOME/.m2/repository}"
[ ${#SIZES[@]} -eq 0 ] && SIZES=(100 1000)

if [ ! -d "$M2/io/eventcontracts/eventcontracts-maven-plugin/$VERSION" ]; then
  echo "eventcontracts-maven-plugin $VERSION is not in ~/.m2; install it first:" >&2
  echo "  mvn -o -B -q -pl codegen-core,codegen-maven-plugin install -DskipTests -Dinvoker.skip" >&2
  exit 1
fi

WORK="$(mktemp -d -t ec-codegen-bench.XXXXXX)"
[ -z "${KEEP:-}" ] && trap 'rm -rf "$WORK"' EXIT

write_pom() { # dir artifactId plugin-xml
  cat > "$1/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>$2</artifactId>
  <version>1</version>
  <properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <build><plugins>
$3
  </plugins></build>
</project>
POM
}

ours_plugin() {
  cat <<XML
    <plugin>
      <groupId>io.eventcontracts</groupId>
      <artifactId>eventcontracts-maven-plugin</artifactId>
      <version>$VERSION</version>
      <executions><execution><goals><goal>generate</goal></goals></execution></executions>
      <configuration>
        <schemaDirectory>\${project.basedir}/../contracts</schemaDirectory>
        <packageName>bench.events</packageName>
      </configuration>
    </plugin>
XML
}

j2p_plugin() {
  cat <<XML
    <plugin>
      <groupId>org.jsonschema2pojo</groupId>
      <artifactId>jsonschema2pojo-maven-plugin</artifactId>
      <version>$J2P_VERSION</version>
      <executions><execution><goals><goal>generate</goal></goals></execution></executions>
      <configuration>
        <sourceDirectory>\${project.basedir}/../contracts</sourceDirectory>
        <targetPackage>bench.events</targetPackage>
      </configuration>
    </plugin>
XML
}

# mvn run; prints "<wall ms> <plugin summary ms or ->"; log kept in $dir/last.log
measure() { # dir
  local dir="$1" start end ms
  start=$(date +%s%N)
  if ! (cd "$dir" && mvn -o -B generate-sources > last.log 2>&1); then
    echo "build failed in $dir, see $dir/last.log:" >&2
    grep -E '^\[ERROR\]' "$dir/last.log" | head -20 >&2
    exit 1
  fi
  end=$(date +%s%N)
  ms=$(sed -n 's/^\[INFO\] eventcontracts: .*(\([0-9]*\) ms)$/\1/p' "$dir/last.log" | tail -1)
  echo "$(( (end - start) / 1000000 )) ${ms:--}"
}

best() { # "wall plugin" lines on stdin -> the line with the smallest wall time
  sort -n | head -1
}

if [ ! -d "$M2/org/jsonschema2pojo/jsonschema2pojo-maven-plugin/$J2P_VERSION" ]; then
  echo "fetching jsonschema2pojo-maven-plugin $J2P_VERSION once (online)..." >&2
  mkdir -p "$WORK/fetch/contracts"; python3 "$HERE/gen_contracts.py" 1 "$WORK/fetch/contracts"
  mkdir -p "$WORK/fetch/j2p"; write_pom "$WORK/fetch/j2p" fetch "$(j2p_plugin)"
  (cd "$WORK/fetch/j2p" && mvn -B -q generate-sources) >&2
fi

echo "eventcontracts $VERSION vs jsonschema2pojo-maven-plugin $J2P_VERSION; corpus $CORPUS; $(nproc) cores; $(java -version 2>&1 | head -1); REPEAT=$REPEAT"
printf '%-6s | %-22s | %-22s | %-22s | %-18s | %s\n' \
  "N" "ours full: wall" "ours full: plugin" "ours no-op: plugin" "j2p full: wall" "ours/j2p wall"
printf '%s\n' "-------+------------------------+------------------------+------------------------+--------------------+--------------"

for n in "${SIZES[@]}"; do
  d="$WORK/n$n"
  mkdir -p "$d/ours" "$d/j2p"
  python3 "$GEN" "$n" "$d/contracts"
  write_pom "$d/ours" "ours-$n" "$(ours_plugin)"
  write_pom "$d/j2p" "j2p-$n" "$(j2p_plugin)"

  full=""; noop=""; j2p=""
  for _ in $(seq "$REPEAT"); do
    rm -rf "$d/ours/target"
    full+="$(measure "$d/ours")"$'\n'
    grep -q 'generated [0-9]* files' "$d/ours/last.log" || { echo "first run did not generate" >&2; exit 1; }
    noop+="$(measure "$d/ours")"$'\n'
    grep -q 'up to date' "$d/ours/last.log" || { echo "second run was not a no-op" >&2; exit 1; }
    rm -rf "$d/j2p/target"
    j2p+="$(measure "$d/j2p")"$'\n'
  done
  read -r full_wall full_plugin <<< "$(printf '%s' "$full" | best)"
  read -r noop_wall noop_plugin <<< "$(printf '%s' "$noop" | best)"
  read -r j2p_wall _ <<< "$(printf '%s' "$j2p" | best)"
  ours_files=$(find "$d/ours/target/generated-sources" -name '*.java' | wc -l)
  j2p_files=$(find "$d/j2p/target" -name '*.java' | wc -l)
  ratio=$(awk -v a="$full_wall" -v b="$j2p_wall" 'BEGIN { printf "%.2fx", a / b }')
  printf '%-6s | %-22s | %-22s | %-22s | %-18s | %s\n' "$n" \
    "${full_wall} ms" "${full_plugin} ms (${ours_files} .java)" "${noop_plugin} ms (wall ${noop_wall} ms)" \
    "${j2p_wall} ms (${j2p_files} .java)" "$ratio"
done
[ -n "${KEEP:-}" ] && echo "projects kept in $WORK"
