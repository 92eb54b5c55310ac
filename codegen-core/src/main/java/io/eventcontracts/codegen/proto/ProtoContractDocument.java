package io.eventcontracts.codegen.proto;

import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractDocument;
import java.util.Optional;

/**
 * The document of a contract authored in Protobuf. What is bundled for it ({@link #content()}) is the JSON Schema
 * derived from the model ({@link JsonSchemaDeriver}): the proto3 JSON form of the message, so JSON and TypeScript
 * consumers and the Java runtime validate it like any JSON Schema contract. The {@code .proto} text itself is kept
 * in {@link #protoSource()}.
 *
 * @param derivedJsonSchema the derived JSON Schema, bundled
 * @param protoSource the {@code .proto} file's bytes exactly as read
 * @param origin field numbers, {@code json_name}s, package, reserved ranges
 */
public record ProtoContractDocument(byte[] derivedJsonSchema, byte[] protoSource, ProtoOrigin origin)
    implements ContractDocument {

  @Override
  public byte[] content() {
    return derivedJsonSchema.clone();
  }

  /** The proto facts of a contract, when it was authored in Protobuf. */
  public static Optional<ProtoOrigin> of(Contract contract) {
    return contract.document() instanceof ProtoContractDocument doc ? Optional.of(doc.origin()) : Optional.empty();
  }
}
