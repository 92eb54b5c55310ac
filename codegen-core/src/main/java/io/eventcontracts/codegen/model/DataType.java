package io.eventcontracts.codegen.model;

/**
 * The type of a field, of a list element, or of a contract's root.
 *
 * <p>Named types ({@link ObjectType}, {@link EnumType}) are defined where they first appear; every other use of a
 * named type from a contract file goes through a {@link TypeRef}, so the model is a forest of trees plus references
 * and never contains cycles.
 */
public sealed interface DataType permits PrimitiveType, ObjectType, EnumType, ListType, MapType, TypeRef {}
