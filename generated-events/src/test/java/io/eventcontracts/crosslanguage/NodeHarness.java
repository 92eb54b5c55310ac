package io.eventcontracts.crosslanguage;

import io.eventcontracts.testing.NodeToolchain;
import java.nio.file.Path;

/** This module's generated packages, compiled once per test JVM with the shared {@link NodeToolchain}. */
final class NodeHarness {

  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path TICKETING = MODULE.resolve("target/typescript");
  static final Path LEDGER = MODULE.resolve("target/typescript-ledger");
  static final Path SCRIPTS = MODULE.resolve("src/test/node");

  private static NodeToolchain toolchain;

  private NodeHarness() {}

  /** Installs the toolchain and compiles both generated packages ({@code tsc}, strict), the first time. */
  static synchronized NodeToolchain get() {
    if (toolchain == null) {
      NodeToolchain t = NodeToolchain.install(MODULE.resolve("target/node-toolchain"));
      t.compile(TICKETING);
      t.compile(LEDGER);
      toolchain = t;
    }
    return toolchain;
  }
}
