package io.eventcontracts.codegen.model;

/**
 * The type of a field, of a list element or map value, of a union branch, or of a contract's root.
 *
 * <ul>
 *   <li>{@link PrimitiveType} scalars, {@link ConstType} a single allowed value, {@link AnyType} any JSON value (what
 *       a target language cannot type soundly; run-time validation still enforces the whole schema);</li>
 *   <li>named types: {@link ObjectType}, {@link EnumType}, {@link UnionType};</li>
 *   <li>containers: {@link ListType}, {@link MapType};</li>
 *   <li>{@link TypeRef}: a named type of another contract (or a definition of the same one).</li>
 * </ul>
 *
 * <p>Nullability is not a type: it is a property of the use ({@link Field#nullable()}), because only an object
 * property can be absent, {@code null} or a value, and only there do targets need to tell the three apart.
 * Named types are defined where they first appear; a type reached twice (a {@code $defs} entry used by several
 * properties) is the same instance, so generators emit it once. The model contains no cycles except through
 * {@link TypeRef}.
 */
public sealed interface DataType
    permits PrimitiveType, ConstType, AnyType, ObjectType, EnumType, UnionType, ListType, MapType, TypeRef {}
