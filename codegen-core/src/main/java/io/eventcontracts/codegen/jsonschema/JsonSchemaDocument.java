package io.eventcontracts.codegen.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventcontracts.codegen.model.ContractDocument;

/**
 * A JSON Schema contract's source: the bytes as read and the parsed tree. The tree is shared and must not be
 * modified; take a {@code deepCopy()} first.
 */
public record JsonSchemaDocument(byte[] content, JsonNode tree) implements ContractDocument {}
