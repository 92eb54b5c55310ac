package io.eventcontracts.codegen.model;

/**
 * The format-specific parsed source a contract was built from, kept for the few generators that must hand it to a
 * format-specific tool (the JSON Schema event class generator gives the schema tree to jsonschema2pojo) and for
 * bundling the exact bytes. Everything else reads the model.
 */
public interface ContractDocument {

  /** The file's bytes exactly as read. */
  byte[] content();
}
