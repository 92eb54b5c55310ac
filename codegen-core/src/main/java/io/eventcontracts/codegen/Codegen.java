package io.eventcontracts.codegen;

/** Entry point: loads the contracts of a request into the model, checks them, and runs every generator. */
public final class Codegen {

  private Codegen() {}

  /**
   * Runs one generation.
   *
   * @throws ContractException with every contract error found, when any contract is invalid
   * @throws java.io.UncheckedIOException when files cannot be read or written
   */
  public static CodegenResult execute(CodegenRequest request) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
