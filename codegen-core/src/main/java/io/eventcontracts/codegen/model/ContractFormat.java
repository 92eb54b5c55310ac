package io.eventcontracts.codegen.model;

/** The source language a contract was written in. */
public enum ContractFormat {
  JSON_SCHEMA("json-schema"),
  PROTOBUF("protobuf");

  private final String wireName;

  ContractFormat(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in the bundle index, e.g. {@code "json-schema"}. */
  public String wireName() {
    return wireName;
  }
}
