#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian machine, once: nats-server (Debian package),
# openssl (the TLS tests make a throwaway CA and certificates with it), and postgresql (the sample services'
# PostgreSQL tests start a throwaway cluster with its initdb/pg_ctl; the server is not started as a service), and
# chromium (the event catalog's pages are opened in it, headless, by generated-events' tests).
# Java 17 and Maven are expected on the machine; Maven downloads its own artifacts from Maven Central.
# With --demo (scripts/main.sh) only what the demo needs: nats-server.
set -euo pipefail
demo_only=false
if [ "${1:-}" = "--demo" ]; then demo_only=true; fi

need_root() {
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then echo sudo; else
      echo "eventcontracts: $1 is missing and this is not root; install it (apt-get install -y $1) and retry" >&2
      exit 1
    fi
  fi
}

missing=()
if ! command -v nats-server >/dev/null 2>&1 && [ ! -x /usr/sbin/nats-server ]; then missing+=(nats-server); fi
if ! $demo_only; then
  if ! command -v openssl >/dev/null 2>&1; then missing+=(openssl); fi
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then missing+=(postgresql); fi
  # the event catalog's pages are checked in headless Chromium (generated-events, docs/catalog.md)
  if [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
  # the cross-language tests compile the generated TypeScript package and run it in Node (Node >= 18;
  # the npm toolchain itself is installed by the build with `npm ci` from generated-events/src/test/node)
  if ! command -v node >/dev/null 2>&1; then missing+=(nodejs); fi
  if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi
fi
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=$(need_root "${missing[*]}")
  echo "eventcontracts: installing ${missing[*]} (Debian packages)"
  ${SUDO:-} apt-get update -qq
  DEBIAN_FRONTEND=noninteractive ${SUDO:-} apt-get install -y -qq "${missing[@]}" >/dev/null
fi

for tool in java mvn; do
  command -v "$tool" >/dev/null 2>&1 || { echo "eventcontracts: $tool not found on PATH (need JDK 17+ and Maven 3.8.7+)" >&2; exit 1; }
done
