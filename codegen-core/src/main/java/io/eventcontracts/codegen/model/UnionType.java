package io.eventcontracts.codegen.model;

import java.util.List;
import java.util.Objects;

/**
 * Exactly one of several object shapes: JSON Schema {@code oneOf}/{@code anyOf} whose branches are objects (a proto
 * {@code oneof} of messages maps here too). Java: a sealed interface with one class per branch.
 *
 * <p>How a reader tells the branches apart: by the {@link #discriminator()} property, whose value in each branch is
 * a constant ({@code const} or a one-value {@code enum}) given by {@link Branch#discriminatorValue()}; or, when there
 * is no such property ({@code discriminator == null}), by deduction: every branch has a required property no other
 * branch declares. The loader builds a union only when one of the two holds; otherwise the value is an
 * {@link AnyType} with a lint note.
 *
 * <p>A <em>value union</em> has only {@link PrimitiveType} branches, each of a different JSON kind (string, number,
 * boolean): {@code type: ["integer", "string"]} or a {@code oneOf}/{@code anyOf} of such primitives. The JSON token
 * tells the branch ({@code discriminator == null}, no discriminator values). Java: a sealed interface with one final
 * class per branch and a deserializer choosing by token.
 *
 * @param name type name, e.g. {@code Payment}
 * @param branches the branches in declaration order; each an {@link ObjectType} or a {@link TypeRef} to one, or
 *     (value union) each a {@link PrimitiveType} of a different JSON kind
 * @param discriminator the wire name of the discriminating property, or {@code null} for deduction
 * @param exclusive true for {@code oneOf}, false for {@code anyOf} (documentation only: a payload binds to the first
 *     matching branch either way)
 * @param description documentation, may be {@code null}
 * @param location where it is defined
 */
public record UnionType(
    String name, List<Branch> branches, String discriminator, boolean exclusive, String description,
    SourceLocation location) implements DataType {

  public UnionType {
    Objects.requireNonNull(name, "name");
    branches = List.copyOf(branches);
  }

  /**
   * One branch of a union.
   *
   * @param type an {@link ObjectType} or a {@link TypeRef} naming one
   * @param discriminatorValue the branch's constant value of the union's discriminator; {@code null} when the union
   *     is deduced
   */
  public record Branch(DataType type, String discriminatorValue) {
    public Branch {
      Objects.requireNonNull(type, "type");
    }
  }
}
