package io.eventcontracts.codegen.compat;

import java.util.Locale;

/**
 * Every kind of contract change the checker names. Each is documented with an example in
 * {@code docs/compatibility.md} (anchor: the kind's name in lower case); {@link #fix()} is what an author can do
 * instead of raising the major version.
 */
public enum ChangeKind {
  // contracts
  CONTRACT_ADDED("a contract was added", ""),
  CONTRACT_REMOVED("a contract was removed", "keep the contract (mark it deprecated in its description) until no "
      + "service uses it, or set its mode to NONE"),
  SUBJECT_CHANGED("the event's subject changed", "keep the subject; publish the new shape as a new contract"),
  MAJOR_VERSION_INCREASED("the contract's major version (x-version) increased", ""),
  MAJOR_VERSION_DECREASED("the contract's major version (x-version) decreased", "restore the baseline's x-version"),

  // content model
  PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL("a property was added to an open object (old events may carry any value "
      + "under that name)", "close the object first (\"additionalProperties\": false) in a major release, or accept "
      + "any value ({}) for the new property"),
  REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL("a required property was added to an open object",
      "make the property optional"),
  OPTIONAL_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL("an optional property was added to a closed object", ""),
  REQUIRED_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL("a required property without default was added to a closed "
      + "object (old events lack it)", "make the property optional"),
  REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_CLOSED_CONTENT_MODEL("a required property with a default was added to a "
      + "closed object (old events lack it; validation never fills in a default)", "make the property optional"),
  PROPERTY_ADDED_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL("a property was added whose values the object's "
      + "additionalProperties schema already allowed", ""),
  PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL("a property was added whose values the object's "
      + "additionalProperties schema did not allow", "give the property a type the additionalProperties schema covers"),
  PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL("a property was removed from an open object", ""),
  PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL("a property was removed from a closed object (old events carry it)",
      "keep the property (optional, deprecated in its description)"),
  PROPERTY_REMOVED_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL("a property was removed whose values the object's "
      + "additionalProperties schema allows", ""),
  PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL("a property was removed whose values the object's "
      + "additionalProperties schema does not allow", "keep the property"),
  CONTENT_MODEL_OPENED("the object accepts more unknown properties (additionalProperties widened)", ""),
  CONTENT_MODEL_CLOSED("the object accepts fewer unknown properties (additionalProperties narrowed)",
      "keep additionalProperties as it was"),
  PROPERTY_MADE_REQUIRED("an optional property became required", "keep it optional"),
  PROPERTY_WITH_DEFAULT_MADE_REQUIRED("an optional property with a default became required (old events may lack it; "
      + "validation never fills in a default)", "keep it optional"),
  PROPERTY_MADE_OPTIONAL("a required property became optional", "keep it required"),

  // nullability
  NULL_ALLOWED("null became a valid value", "keep null out"),
  NULL_DISALLOWED("null is no longer a valid value", "keep null allowed"),

  // types and values
  TYPE_CHANGED("the type changed to one that shares no values with the old one", "keep the type; add a new "
      + "property for the new type"),
  TYPE_WIDENED("the type accepts more values (integer to number, enum to string, a value to any)", ""),
  TYPE_NARROWED("the type accepts fewer values (number to integer, string to enum, any to a value)",
      "keep the wider type"),
  ENUM_VALUE_ADDED("an enum value was added", ""),
  ENUM_VALUE_REMOVED("an enum value was removed", "keep the value"),
  CONST_CHANGED("the constant value changed", "keep the constant"),

  // bounds
  MINIMUM_NARROWED("minimum added or raised", "keep the old minimum"),
  MINIMUM_WIDENED("minimum removed or lowered", ""),
  MAXIMUM_NARROWED("maximum added or lowered", "keep the old maximum"),
  MAXIMUM_WIDENED("maximum removed or raised", ""),
  EXCLUSIVE_MINIMUM_NARROWED("exclusiveMinimum added or raised", "keep the old exclusiveMinimum"),
  EXCLUSIVE_MINIMUM_WIDENED("exclusiveMinimum removed or lowered", ""),
  EXCLUSIVE_MAXIMUM_NARROWED("exclusiveMaximum added or lowered", "keep the old exclusiveMaximum"),
  EXCLUSIVE_MAXIMUM_WIDENED("exclusiveMaximum removed or raised", ""),
  MIN_LENGTH_NARROWED("minLength added or raised", "keep the old minLength"),
  MIN_LENGTH_WIDENED("minLength removed or lowered", ""),
  MAX_LENGTH_NARROWED("maxLength added or lowered", "keep the old maxLength"),
  MAX_LENGTH_WIDENED("maxLength removed or raised", ""),
  MIN_ITEMS_NARROWED("minItems added or raised", "keep the old minItems"),
  MIN_ITEMS_WIDENED("minItems removed or lowered", ""),
  MAX_ITEMS_NARROWED("maxItems added or lowered", "keep the old maxItems"),
  MAX_ITEMS_WIDENED("maxItems removed or raised", ""),

  // strings
  PATTERN_ADDED("a pattern was added", "leave the pattern out"),
  PATTERN_REMOVED("the pattern was removed", ""),
  PATTERN_CHANGED("the pattern changed (no containment between regular expressions is assumed)",
      "keep the old pattern"),
  FORMAT_ADDED("a format was added", "leave the format out"),
  FORMAT_REMOVED("the format was removed", ""),
  FORMAT_CHANGED("the format changed", "keep the old format"),

  // documentation
  DEFAULT_CHANGED("the default value was added, removed or changed (validation ignores it)", ""),
  DESCRIPTION_CHANGED("the description changed", ""),

  // references and composition
  REF_TARGET_CHANGED("a $ref names another definition; the referenced types are compared", ""),
  UNION_BRANCH_ADDED("a oneOf/anyOf branch was added", ""),
  UNION_BRANCH_REMOVED("a oneOf/anyOf branch was removed", "keep the branch"),
  DISCRIMINATOR_CHANGED("the union's discriminator property changed", "keep the discriminator"),
  UNION_MADE_EXCLUSIVE("anyOf became oneOf (a payload matching two branches is refused)", "keep anyOf"),
  UNION_MADE_INCLUSIVE("oneOf became anyOf", ""),

  // Protobuf wire and JSON form (ProtobufWireRules; both contracts authored in .proto)
  PROTO_PACKAGE_CHANGED("the .proto package changed (every message's full name changes: protobuf-java classes, "
      + "type registries and Any type URLs no longer match)", "keep the package; put a new major in a new package"),
  PROTO_MESSAGE_REMOVED("a message was removed from the contract's .proto file (files importing it no longer "
      + "compile)", "keep the message (deprecated)"),
  PROTO_FIELD_REMOVED_NOT_RESERVED("a field was removed without reserving both its number and its name (a later "
      + "field could reuse them and misread old events)", "reserve its number and its name in the "
      + "message (reserved <number>; reserved \"<name>\";)"),
  PROTO_RESERVED_REMOVED("a reserved field number or name is no longer reserved", "keep the reservation"),
  PROTO_FIELD_NUMBER_CHANGED("a field kept its name but got another number (binary readers see the old number as "
      + "unknown)", "keep the number"),
  PROTO_FIELD_NUMBER_REUSED("a field number now belongs to a field with another name and type, or to another "
      + "field while the old one moved (old events are misread)", "use a new number; reserve the old one"),
  PROTO_FIELD_TYPE_CHANGED("a field's type changed to one with another wire encoding (wire- and JSON-incompatible)",
      "keep the type; add a new field with a new number"),
  PROTO_FIELD_TYPE_CHANGED_WIRE_COMPATIBLE("a field's type changed within one wire encoding (int32/int64/uint32/"
      + "uint64/bool/enum, sint32/sint64, fixed32/sfixed32, fixed64/sfixed64, string/bytes/message): "
      + "wire-compatible, but the JSON form changes (numbers vs strings, enum names vs numbers, base64) and "
      + "values may be truncated", "keep the type; add a new field with a new number"),
  PROTO_FIELD_RENAMED("a field was renamed, so its JSON name changed (wire-compatible, JSON-incompatible)",
      "keep the name, or set json_name to the old JSON name"),
  PROTO_FIELD_RENAMED_JSON_NAME_KEPT("a field was renamed but json_name keeps its JSON name (wire and JSON "
      + "unchanged; generated code changes)", ""),
  PROTO_JSON_NAME_CHANGED("a field's json_name changed (wire-compatible, JSON-incompatible)", "keep the json_name"),
  PROTO_FIELD_CARDINALITY_CHANGED("a field became repeated or stopped being repeated (a value vs an array in "
      + "JSON)", "keep the cardinality; add a new field with a new number"),
  PROTO_FIELD_PRESENCE_CHANGED("a scalar field gained or lost explicit presence (proto3 optional): wire and JSON "
      + "readers are unaffected; generated code gains or loses has...()", ""),
  PROTO_FIELD_MOVED_INTO_ONEOF("a field moved into a oneof (an old event may set it together with another member)",
      "keep the field outside the oneof; add a new member with a new number"),
  PROTO_FIELD_MOVED_OUT_OF_ONEOF("a field moved out of a oneof", "keep the field in the oneof"),
  PROTO_ENUM_VALUE_REMOVED_NOT_RESERVED("an enum value was removed without reserving both its number and its name",
      "reserve its number and its name in the enum (reserved <number>; reserved \"<NAME>\";)"),
  PROTO_ENUM_VALUE_NUMBER_REUSED("an enum value number now has another name (renamed or reused: the JSON form "
      + "changes, binary readers take old values for the new name)", "keep the name; give a new value a new "
      + "number");

  private final String description;
  private final String fix;

  ChangeKind(String description, String fix) {
    this.description = description;
    this.fix = fix;
  }

  /** What the change is, one line. */
  public String description() {
    return description;
  }

  /** What an author can do instead of a major release when the change breaks the mode; empty when nothing. */
  public String fix() {
    return fix;
  }

  /** The anchor of the rule's heading in docs/compatibility.md (GitHub keeps the underscores). */
  public String anchor() {
    return name().toLowerCase(Locale.ROOT);
  }
}
