package io.eventcontracts.codegen.proto;

import io.eventcontracts.codegen.model.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Protobuf contract says beyond the format-neutral model, for checkers that need the proto facts (the
 * cross-format consistency check, protobuf evolution rules): package, field numbers, {@code json_name}s, proto types,
 * reserved numbers and names. Reach it from a loaded contract with {@link ProtoContractDocument#of}.
 *
 * @param protoFile the {@code .proto} path relative to its root ({@code ticketing/v1/tickets.proto})
 * @param protoPackage the proto {@code package} ({@code ticketing.v1}), {@code ""} when none
 * @param message the event message
 * @param messages every message of the contract's file and of the files it imports from the contract roots, by
 *     fully qualified name without leading dot ({@code ticketing.v1.TicketCreated}), in file order
 * @param javaClass the fully qualified protobuf-java class protoc generates for the event message
 * @param enums every enum declared in the contract's file and in the files it imports from the contract roots, in
 *     file order (for the evolution rules: value numbers, reserved values)
 * @param declaredMessages the fully qualified names of every message declared in the contract's file, nested ones
 *     included, used or not (for the evolution rules: a message removed from the file)
 */
public record ProtoOrigin(
    String protoFile, String protoPackage, Message message, List<Message> messages, String javaClass,
    List<ProtoEnum> enums, List<String> declaredMessages) {

  public ProtoOrigin {
    Objects.requireNonNull(protoFile, "protoFile");
    protoPackage = protoPackage == null ? "" : protoPackage;
    Objects.requireNonNull(message, "message");
    messages = List.copyOf(messages);
    enums = enums == null ? List.of() : List.copyOf(enums);
    declaredMessages = declaredMessages == null ? List.of() : List.copyOf(declaredMessages);
  }

  /** An origin without enum and declaration facts (as before the evolution rules needed them). */
  public ProtoOrigin(String protoFile, String protoPackage, Message message, List<Message> messages,
      String javaClass) {
    this(protoFile, protoPackage, message, messages, javaClass, List.of(), List.of());
  }

  /** An enum by fully qualified name. */
  public Optional<ProtoEnum> enumNamed(String fullName) {
    return enums.stream().filter(e -> e.fullName().equals(fullName)).findFirst();
  }

  /** A message by fully qualified name. */
  public Optional<Message> messageNamed(String fullName) {
    return messages.stream().filter(m -> m.fullName().equals(fullName)).findFirst();
  }

  /**
   * One proto message.
   *
   * @param fullName fully qualified name without leading dot
   * @param fields declared fields in declaration order
   * @param reservedRanges {@code reserved 4, 9 to 11;} as inclusive ranges
   * @param reservedNames {@code reserved "foo";}
   * @param location where the message is declared
   */
  public record Message(
      String fullName, List<ProtoField> fields, List<Range> reservedRanges, List<String> reservedNames,
      SourceLocation location) {
    public Message {
      fields = List.copyOf(fields);
      reservedRanges = List.copyOf(reservedRanges);
      reservedNames = List.copyOf(reservedNames);
    }

    /** The field with this proto3 JSON name. */
    public Optional<ProtoField> byJsonName(String jsonName) {
      return fields.stream().filter(f -> f.jsonName().equals(jsonName)).findFirst();
    }
  }

  /**
   * One proto field.
   *
   * @param name the field name as declared ({@code user_id})
   * @param number the field number
   * @param jsonName its name in the proto3 JSON form ({@code userId}, or the declared {@code json_name})
   * @param explicitJsonName true when {@code json_name} was written in the file
   * @param protoType {@code string}, {@code uint32}, ..., or the fully qualified name of a message or enum type
   *     without leading dot ({@code google.protobuf.Timestamp})
   * @param repeated true for {@code repeated} (and {@code map<..>}) fields
   * @param explicitPresence true for proto3 {@code optional} scalars, message fields and {@code oneof} members:
   *     fields whose default value is still written in the JSON form when set
   * @param oneof the name of the (real, not synthetic) {@code oneof} the field belongs to, or {@code null}
   * @param required the {@code (eventcontracts.required)} option
   * @param location where the field is declared
   */
  public record ProtoField(
      String name, int number, String jsonName, boolean explicitJsonName, String protoType, boolean repeated,
      boolean explicitPresence, String oneof, boolean required, SourceLocation location) {}

  /** An inclusive range of field numbers. */
  public record Range(int start, int end) {
    public boolean contains(int number) {
      return number >= start && number <= end;
    }
  }

  /**
   * One proto enum.
   *
   * @param fullName fully qualified name without leading dot
   * @param values declared values in declaration order
   * @param reservedRanges {@code reserved 2, 5 to 7;} as inclusive ranges
   * @param reservedNames {@code reserved "OLD";}
   * @param location where the enum is declared
   */
  public record ProtoEnum(String fullName, List<EnumValue> values, List<Range> reservedRanges,
      List<String> reservedNames, SourceLocation location) {
    public ProtoEnum {
      values = List.copyOf(values);
      reservedRanges = List.copyOf(reservedRanges);
      reservedNames = List.copyOf(reservedNames);
    }
  }

  /**
   * One enum value.
   *
   * @param name the value's name (its proto3 JSON form)
   * @param number its number (its binary form)
   * @param location where it is declared
   */
  public record EnumValue(String name, int number, SourceLocation location) {}
}
