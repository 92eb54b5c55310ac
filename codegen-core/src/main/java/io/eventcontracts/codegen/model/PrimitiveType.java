package io.eventcontracts.codegen.model;

/**
 * Scalar types. Each constant names one value space that every target language can represent without loss; the
 * loader picks the narrowest one that holds every value the contract allows.
 *
 * <table>
 *   <caption>mapping</caption>
 *   <tr><th>constant</th><th>JSON Schema</th><th>proto3</th><th>Java</th></tr>
 *   <tr><td>STRING</td><td>{@code "type": "string"} (any format other than the two below)</td><td>{@code string}</td>
 *       <td>String</td></tr>
 *   <tr><td>INTEGER</td><td>{@code "type": "integer"} whose declared range fits 32 bits</td><td>{@code int32}
 *       ...</td><td>Integer</td></tr>
 *   <tr><td>LONG</td><td>{@code "type": "integer"} whose range fits 64 bits, or is unbounded</td>
 *       <td>{@code int64} ...</td><td>Long</td></tr>
 *   <tr><td>BIG_INTEGER</td><td>{@code "type": "integer"} whose declared range exceeds 64 bits</td><td>-</td>
 *       <td>BigInteger</td></tr>
 *   <tr><td>DECIMAL</td><td>{@code "type": "number"} (default)</td><td>-</td><td>BigDecimal</td></tr>
 *   <tr><td>DOUBLE</td><td>{@code "type": "number"} with the {@code double} number type configured</td>
 *       <td>{@code double, float}</td><td>Double</td></tr>
 *   <tr><td>BOOLEAN</td><td>{@code "type": "boolean"}</td><td>{@code bool}</td><td>Boolean</td></tr>
 *   <tr><td>DATE_TIME</td><td>{@code "format": "date-time"}</td><td>{@code google.protobuf.Timestamp}</td>
 *       <td>java.time.OffsetDateTime</td></tr>
 *   <tr><td>DATE</td><td>{@code "format": "date"}</td><td>{@code google.type.Date}</td><td>java.time.LocalDate</td></tr>
 *   <tr><td>BYTES</td><td>- (not built by the JSON Schema loader)</td><td>{@code bytes}</td><td>byte[]</td></tr>
 * </table>
 */
public enum PrimitiveType implements DataType {
  STRING,
  INTEGER,
  LONG,
  BIG_INTEGER,
  DECIMAL,
  DOUBLE,
  BOOLEAN,
  DATE_TIME,
  DATE,
  BYTES;

  /** True for the integer kinds. */
  public boolean isInteger() {
    return this == INTEGER || this == LONG || this == BIG_INTEGER;
  }
}
