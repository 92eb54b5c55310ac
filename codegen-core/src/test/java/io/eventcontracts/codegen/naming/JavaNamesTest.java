package io.eventcontracts.codegen.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract names → Java names: the rules every generator and the loader's checks share. */
class JavaNamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "ticket:created      | TicketCreated",
      "userId              | UserId",
      "TicketCreated       | TicketCreated",
      "order_status.v2     | OrderStatusV2",
      "' spaced  out '     | SpacedOut",
      "--                  | ''",
      "ümlaut-name         | ÜmlautName",
      "a                   | A",
      "1st place           | 1stPlace",
      "𝔘nicode x           | 𝔘nicodeX"})
  void pascalUpperCasesTheFirstLetterOfEveryWordAndKeepsTheRest(String text, String pascal) {
    assertThat(JavaNames.pascal(text)).isEqualTo(pascal);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "ticket:created    | TICKET_CREATED",
      "ticketCreated     | TICKET_CREATED",
      "awaiting:payment  | AWAITING_PAYMENT",
      "in-progress       | IN_PROGRESS",
      "IN_PROGRESS       | IN_PROGRESS",
      "inProgress        | IN_PROGRESS",
      "HTTPServer        | HTTP_SERVER",
      "getHTTP           | GET_HTTP",
      "v2Created         | V2_CREATED",
      "orders.v1.created | ORDERS_V1_CREATED",
      "a:b               | A_B",
      "x                 | X",
      "ABc               | A_BC",
      "--                | ''"})
  void constantNamesAreUpperSnakeCaseWithAWordAtEverySeparatorAndCaseChange(String text, String constant) {
    assertThat(JavaNames.constantName(text)).isEqualTo(constant);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "ticket:created | TicketCreated | TicketCreatedEvent | TicketCreatedListener | TicketCreatedPublisher",
      "order.v2       | OrderV2       | OrderV2Event       | OrderV2Listener       | OrderV2Publisher"})
  void eventClassNamesStartWithTheSubjectInPascalCase(String subject, String base, String event, String listener,
      String publisher) {
    assertThat(JavaNames.eventBaseName(subject)).isEqualTo(base);
    assertThat(JavaNames.eventClassName(subject)).isEqualTo(event);
    assertThat(JavaNames.listenerClassName(subject)).isEqualTo(listener);
    assertThat(JavaNames.publisherClassName(subject)).isEqualTo(publisher);
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "Ticket", "_x", "$Y", "Ünicode", "a1"})
  void validClassNames(String name) {
    assertThat(JavaNames.isValidClassName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1A", "class", "true", "null", "a-b", "a b", "_"})
  void invalidClassNames(String name) {
    assertThat(JavaNames.isValidClassName(name)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"io", "io.eventcontracts.ticketing", "a.b1.c_d"})
  void validPackageNames(String name) {
    assertThat(JavaNames.isValidPackageName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "io..x", "io.", ".io", "io.class", "io.1x", "io-x"})
  void invalidPackageNames(String name) {
    assertThat(JavaNames.isValidPackageName(name)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void nullIsNeitherAClassNorAPackageName() {
    assertThat(JavaNames.isValidClassName(null)).isFalse();
    assertThat(JavaNames.isValidPackageName(null)).isFalse();
  }
}
