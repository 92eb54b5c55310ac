package io.eventcontracts.codegen.proto;

import static io.eventcontracts.codegen.proto.ProtoTestSupport.load;
import static io.eventcontracts.codegen.proto.ProtoTestSupport.only;
import static io.eventcontracts.codegen.proto.ProtoTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.codegen.ContractError;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.model.AnyType;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractFormat;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.EnumType;
import io.eventcontracts.codegen.model.Field;
import io.eventcontracts.codegen.model.ListType;
import io.eventcontracts.codegen.model.MapType;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.PrimitiveType;
import io.eventcontracts.codegen.model.ServiceDeclaration;
import io.eventcontracts.codegen.model.UnionType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtobufContractLoaderTest {

  @TempDir Path work;

  @Test
  void ticketingProtosLoadIntoTheModelWithProtoOrigins() {
    ProtobufContractLoader.Result result = load(ProtoTestSupport.TICKETING_PROTO, work);
    assertThat(result.errors()).isEmpty();
    assertThat(result.contracts()).extracting(Contract::subject)
        .containsExactlyInAnyOrder("order:created", "payment:created", "ticket:created", "ticket:updated");

    Contract payment = only(result, "payment:created");
    assertThat(payment.name()).isEqualTo("PaymentCreated");
    assertThat(payment.format()).isEqualTo(ContractFormat.PROTOBUF);
    assertThat(payment.version()).isEqualTo(1);
    assertThat(payment.bundlePath()).isEqualTo("ticketing/v1/payment-created.json");
    assertThat(payment.id()).isEqualTo("https://eventcontracts.io/schemas/ticketing/payment-created.json");
    assertThat(payment.description()).startsWith("A payment for an order succeeded.");
    assertThat(payment.source().toString()).isEqualTo("../schemas/proto/ticketing/v1/payments.proto:14");
    assertThat(payment.services()).as("(eventcontracts.publishers) / (eventcontracts.consumers)")
        .isEqualTo(new ServiceDeclaration(List.of("payments"), List.of("orders")));
    assertThat(only(result, "ticket:created").services()).isEqualTo(ServiceDeclaration.NONE);
    ObjectType root = (ObjectType) payment.rootType();
    assertThat(root.closed()).isTrue();
    assertThat(root.fields()).extracting(Field::name).containsExactly("id", "orderId", "stripeId");
    Field orderId = root.field("orderId").orElseThrow();
    assertThat(orderId.type()).isEqualTo(PrimitiveType.STRING);
    assertThat(orderId.required()).isTrue();
    assertThat(orderId.nullable()).isFalse();
    assertThat(orderId.constraints().minLength()).isEqualTo(1);
    assertThat(orderId.description()).isEqualTo("Id of the paid order.");
    assertThat(orderId.location().line()).isEqualTo(25);
    assertThat(orderId.location().pointer()).isEqualTo("ticketing.v1.PaymentCreated.order_id");

    ProtoOrigin origin = ProtoContractDocument.of(payment).orElseThrow();
    assertThat(origin.protoPackage()).isEqualTo("ticketing.v1");
    assertThat(origin.protoFile()).isEqualTo("ticketing/v1/payments.proto");
    assertThat(origin.javaClass()).isEqualTo("io.eventcontracts.ticketing.proto.PaymentCreated");
    ProtoOrigin.ProtoField stripe = origin.message().byJsonName("stripeId").orElseThrow();
    assertThat(stripe.name()).isEqualTo("stripe_id");
    assertThat(stripe.number()).isEqualTo(3);
    assertThat(stripe.protoType()).isEqualTo("string");
    assertThat(stripe.explicitPresence()).isFalse();
    assertThat(stripe.required()).isTrue();

    ObjectType ticket = (ObjectType) only(result, "ticket:created").rootType();
    Field version = ticket.field("version").orElseThrow();
    assertThat(version.type()).isEqualTo(PrimitiveType.LONG);
    assertThat(version.constraints().minimum()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(version.constraints().maximum()).isEqualByComparingTo(new BigDecimal("4294967295"));
    assertThat(ProtoContractDocument.of(only(result, "ticket:created")).orElseThrow().message()
        .byJsonName("version").orElseThrow().explicitPresence()).isTrue();
    assertThat(ticket.field("price").orElseThrow().type()).isEqualTo(PrimitiveType.DOUBLE);
  }

  @Test
  void theDerivedJsonSchemaOfPaymentCreatedLoadsBackToTheSameFields() throws Exception {
    Contract payment = only(load(ProtoTestSupport.TICKETING_PROTO, work), "payment:created");
    Path root = work.resolve("derived");
    Files.createDirectories(root);
    Files.write(root.resolve("payment-created.json"), payment.document().content());
    ContractSet reloaded = JsonSchemaContractLoader.load(List.of(root));
    Contract json = reloaded.bySubject("payment:created").orElseThrow();
    assertThat(json.name()).isEqualTo("PaymentCreated");
    assertThat(json.version()).isEqualTo(1);
    ObjectType derived = (ObjectType) json.rootType();
    ObjectType original = (ObjectType) payment.rootType();
    assertThat(derived.closed()).isTrue();
    for (Field field : original.fields()) {
      Field back = derived.field(field.name()).orElseThrow();
      assertThat(back.type()).isEqualTo(field.type());
      assertThat(back.required()).isEqualTo(field.required());
      assertThat(back.constraints().minLength()).isEqualTo(1);
      assertThat(back.description()).isEqualTo(field.description());
    }
    assertThat(ConsistencyChecker.check(json, payment, reloaded)).isEmpty();
  }

  @Test
  void everyProtoShapeMapsToTheModel() throws Exception {
    Path root = work.resolve("contracts");
    write(root, "shop/v1/shop.proto", """
        syntax = "proto3";
        package shop.v1;
        import "eventcontracts/options.proto";
        import "google/protobuf/timestamp.proto";
        import "google/protobuf/wrappers.proto";
        import "google/protobuf/struct.proto";
        enum Colour { COLOUR_UNSPECIFIED = 0; RED = 1; GREEN = 2; }
        message Line { string sku = 1; int32 quantity = 2; }
        message Card { string last4 = 1; }
        message Cash { bool exact = 1; }
        message OrderPlaced {
          option (eventcontracts.subject) = "shop.order-placed";
          option (eventcontracts.version) = 3;
          int64 big = 1;
          uint64 unsigned_big = 2;
          google.protobuf.Timestamp at = 3;
          google.protobuf.StringValue note = 4;
          repeated Line lines = 5;
          map<string, int32> counts = 6;
          Colour colour = 7;
          bytes blob = 8;
          google.protobuf.Struct extra = 9;
          string renamed = 10 [json_name = "re_named"];
          Line first = 11;
          oneof payment { Card card = 12; Cash cash = 13; }
        }
        """);
    ProtobufContractLoader.Result result = load(root, work.resolve("w"));
    assertThat(result.errors()).isEmpty();
    Contract order = only(result, "shop.order-placed");
    assertThat(order.version()).isEqualTo(3);
    UnionType union = (UnionType) order.rootType();
    assertThat(union.discriminator()).isNull();
    assertThat(union.exclusive()).isTrue();
    assertThat(union.branches()).hasSize(2);
    ObjectType card = (ObjectType) union.branches().get(0).type();
    assertThat(card.name()).isEqualTo("OrderPlacedCard");
    assertThat(card.field("card").orElseThrow().required()).isTrue();
    assertThat(card.field("cash")).isEmpty();
    assertThat(card.field("big").orElseThrow().type()).isEqualTo(PrimitiveType.STRING);
    assertThat(card.field("big").orElseThrow().constraints().pattern()).isEqualTo("^-?[0-9]+$");
    assertThat(card.field("big").orElseThrow().constraints().format()).isEqualTo("int64");
    assertThat(card.field("unsignedBig").orElseThrow().constraints().pattern()).isEqualTo("^[0-9]+$");
    assertThat(card.field("at").orElseThrow().type()).isEqualTo(PrimitiveType.DATE_TIME);
    Field note = card.field("note").orElseThrow();
    assertThat(note.type()).isEqualTo(PrimitiveType.STRING);
    assertThat(note.nullable()).isTrue();
    ListType lines = (ListType) card.field("lines").orElseThrow().type();
    assertThat(((ObjectType) lines.element()).name()).isEqualTo("Line");
    assertThat(((MapType) card.field("counts").orElseThrow().type()).value()).isEqualTo(PrimitiveType.INTEGER);
    EnumType colour = (EnumType) card.field("colour").orElseThrow().type();
    assertThat(colour.values()).containsExactly("COLOUR_UNSPECIFIED", "RED", "GREEN");
    assertThat(card.field("blob").orElseThrow().type()).isEqualTo(PrimitiveType.BYTES);
    assertThat(((MapType) card.field("extra").orElseThrow().type()).value()).isInstanceOf(AnyType.class);
    assertThat(card.field("re_named")).isPresent();
    assertThat(card.field("first").orElseThrow().type()).isSameAs(lines.element());
    ProtoOrigin origin = ProtoContractDocument.of(order).orElseThrow();
    ProtoOrigin.ProtoField renamed = origin.message().byJsonName("re_named").orElseThrow();
    assertThat(renamed.explicitJsonName()).isTrue();
    assertThat(renamed.number()).isEqualTo(10);
    assertThat(origin.message().byJsonName("card").orElseThrow().oneof()).isEqualTo("payment");
    assertThat(origin.messageNamed("shop.v1.Line")).isPresent();
  }

  @Test
  void reservedRangesAndNamesAreKept() throws Exception {
    Path root = work.resolve("contracts");
    write(root, "r.proto", """
        syntax = "proto3";
        import "eventcontracts/options.proto";
        message Thing {
          option (eventcontracts.subject) = "thing";
          reserved 2, 9 to 11;
          reserved "old_name";
          string id = 1;
        }
        """);
    Contract thing = only(load(root, work.resolve("w")), "thing");
    assertThat(thing.id()).as("without (eventcontracts.id) the id is the bundle location")
        .isEqualTo("https://bundle.eventcontracts.invalid/thing.json");
    ProtoOrigin origin = ProtoContractDocument.of(thing).orElseThrow();
    assertThat(origin.message().reservedRanges()).containsExactly(new ProtoOrigin.Range(2, 2),
        new ProtoOrigin.Range(9, 11));
    assertThat(origin.message().reservedRanges().get(1).contains(11)).isTrue();
    assertThat(origin.message().reservedRanges().get(1).contains(12)).isFalse();
    assertThat(origin.message().reservedNames()).containsExactly("old_name");
    assertThat(origin.protoPackage()).isEmpty();
    assertThat(origin.javaClass()).isEqualTo("R.Thing");
  }

  @Test
  void syntaxErrorsCarryProtocsFileAndLine() throws Exception {
    Path root = work.resolve("contracts");
    write(root, "broken.proto", """
        syntax = "proto3";
        message Broken {
          string id = 1
        }
        """);
    ProtobufContractLoader.Result result = load(root, work.resolve("w"));
    assertThat(result.contracts()).isEmpty();
    assertThat(result.errors()).hasSize(1);
    ContractError error = result.errors().get(0);
    assertThat(error.file()).isEqualTo(root.resolve("broken.proto"));
    assertThat(error.line()).isEqualTo(4);
    assertThat(error.message()).isEqualTo("Expected \";\".");
    assertThat(error.hint()).isEqualTo("fix the .proto syntax (protoc's message above)");
  }

  @Test
  void aFileWithoutEventsThatNothingImportsIsAnError() throws Exception {
    Path root = work.resolve("contracts");
    write(root, "lonely.proto", """
        syntax = "proto3";

        message Lonely { string id = 1; }
        """);
    ProtobufContractLoader.Result result = load(root, work.resolve("w"));
    assertThat(result.errors()).extracting(ContractError::format).containsExactly(root.resolve("lonely.proto")
        + ":3: no message has an (eventcontracts.subject) option and no contract imports this file; add option"
        + " (eventcontracts.subject) = \"<subject>\"; to the event message (import \"eventcontracts/options.proto\")"
        + ", or import the file from an event contract");
  }

  @Test
  void aSharedFileImportedByAnEventNeedsNoSubject() throws Exception {
    Path root = work.resolve("contracts");
    write(root, "common/money.proto", """
        syntax = "proto3";
        package common;
        message Money { string currency = 1; int32 cents = 2; }
        """);
    write(root, "paid.proto", """
        syntax = "proto3";
        import "eventcontracts/options.proto";
        import "common/money.proto";
        message Paid { option (eventcontracts.subject) = "paid"; common.Money amount = 1; }
        """);
    ProtobufContractLoader.Result result = load(root, work.resolve("w"));
    assertThat(result.errors()).isEmpty();
    ObjectType paid = (ObjectType) only(result, "paid").rootType();
    assertThat(((ObjectType) paid.field("amount").orElseThrow().type()).name()).isEqualTo("Money");
  }

  @Test
  void twoMessagesWithOneSubjectAreAnErrorNamingBoth() throws Exception {
    Path root = work.resolve("contracts");
    write(root, "a.proto", """
        syntax = "proto3";
        import "eventcontracts/options.proto";
        message First { option (eventcontracts.subject) = "thing.done"; }
        message Second {
          option (eventcontracts.subject) = "thing.done";
        }
        """);
    ProtobufContractLoader.Result result = load(root, work.resolve("w"));
    assertThat(result.errors()).extracting(ContractError::format).containsExactly(root.resolve("a.proto")
        + ":4: message Second: subject \"thing.done\" is already used by message First at " + root.resolve("a.proto")
        + ":3; give every event message its own subject");
  }

  @Test
  void badSubjectsVersionsAndTypesWithoutJsonEquivalentAreCollected() throws Exception {
    Path root = work.resolve("contracts");
    write(root, "bad.proto", """
        syntax = "proto3";
        import "eventcontracts/options.proto";
        import "google/protobuf/any.proto";
        message WildCard { option (eventcontracts.subject) = "orders.*"; }
        message Zero { option (eventcontracts.subject) = "zero"; option (eventcontracts.version) = 0; }
        message Anything {
          option (eventcontracts.subject) = "anything";
          google.protobuf.Any payload = 1;
        }
        message Loop { option (eventcontracts.subject) = "loop"; Loop next = 1; }
        message Relative { option (eventcontracts.subject) = "relative"; option (eventcontracts.id) = "rel.json"; }
        message Served {
          option (eventcontracts.subject) = "served";
          option (eventcontracts.publishers) = "a b";
          option (eventcontracts.consumers) = "orders";
          option (eventcontracts.consumers) = "orders";
        }
        """);
    ProtobufContractLoader.Result result = load(root, work.resolve("w"));
    String file = root.resolve("bad.proto").toString();
    assertThat(result.errors()).extracting(ContractError::format).containsExactlyInAnyOrder(
        file + ":4: message WildCard: subject \"orders.*\" is not a valid NATS subject; use tokens without"
            + " whitespace or wildcards (* >), separated by single dots, e.g. \"payment:created\"",
        file + ":5: message Zero: version 0 is not at least 1; set option (eventcontracts.version) to 1 or more",
        file + ":8: field payload: proto type google.protobuf.Any has no JSON Schema equivalent; use a concrete"
            + " message, google.protobuf.Struct for free-form JSON, or a string",
        file + ":10: message Loop contains itself; recursive messages have no generated Java type here; break the"
            + " cycle (e.g. with an id reference)",
        file + ":11: message Relative: id \"rel.json\" is not an absolute URI; use e.g."
            + " \"https://example.com/schemas/relative.json\" (a name, never fetched), or leave the option out",
        file + ":12: message Served: (eventcontracts.publishers) \"a b\" is not a service name; use letters, digits,"
            + " '.', '_' or '-', starting with a letter or digit, e.g. \"orders\"",
        file + ":12: message Served: (eventcontracts.consumers) lists \"orders\" twice; list each service once");
  }
}
