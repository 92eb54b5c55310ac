package io.eventcontracts.codegen.model;

/**
 * Scalar types. The set is the intersection of what JSON Schema and proto3 can both say and what Java maps to a
 * single obvious type.
 *
 * <table>
 *   <caption>mapping</caption>
 *   <tr><th>constant</th><th>JSON Schema</th><th>proto3</th><th>Java</th></tr>
 *   <tr><td>STRING</td><td>{@code "type": "string"}</td><td>{@code string}</td><td>String</td></tr>
 *   <tr><td>INTEGER</td><td>{@code "type": "integer"}</td><td>{@code int32, sint32, uint32, fixed32}</td>
 *       <td>Integer</td></tr>
 *   <tr><td>LONG</td><td>{@code "type": "integer", "format": "int64"}</td><td>{@code int64, sint64, uint64,
 *       fixed64}</td><td>Long</td></tr>
 *   <tr><td>NUMBER</td><td>{@code "type": "number"}</td><td>{@code double, float}</td><td>Double</td></tr>
 *   <tr><td>BOOLEAN</td><td>{@code "type": "boolean"}</td><td>{@code bool}</td><td>Boolean</td></tr>
 *   <tr><td>DATE_TIME</td><td>{@code "format": "date-time"}</td><td>{@code google.protobuf.Timestamp}</td>
 *       <td>java.time.Instant</td></tr>
 *   <tr><td>DATE</td><td>{@code "format": "date"}</td><td>{@code google.type.Date}</td><td>java.time.LocalDate</td></tr>
 *   <tr><td>BYTES</td><td>{@code "contentEncoding": "base64"} (not generated yet)</td><td>{@code bytes}</td>
 *       <td>byte[]</td></tr>
 * </table>
 */
public enum PrimitiveType implements DataType {
  STRING,
  INTEGER,
  LONG,
  NUMBER,
  BOOLEAN,
  DATE_TIME,
  DATE,
  BYTES
}
