/**
 * The format-neutral contract model: what every loader builds and the only thing generators and the compatibility
 * checker read. See {@link io.eventcontracts.codegen.model.ContractSet} for how JSON Schema and Protobuf map onto it.
 */
package io.eventcontracts.codegen.model;
