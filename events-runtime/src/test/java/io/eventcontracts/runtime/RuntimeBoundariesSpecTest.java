package io.eventcontracts.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventcontracts.runtime.internal.DefaultEventMetrics;
import io.eventcontracts.runtime.internal.PayloadReading;
import io.eventcontracts.runtime.spi.SubscriptionRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Small rules at their edges: which keyword names each parser limit, the exception text's bounds (20 violations, 300
 * characters each), the concurrency bounds of listen options and subscription requests, metrics of a subject never
 * seen, and ECMA-262's '.' in patterns that end inside a character class.
 */
class RuntimeBoundariesSpecTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Document nesting depth (1001) exceeds the maximum allowed (1000)| maxNestingDepth",
      "Number value length (1001) exceeds the maximum allowed (1000)| maxNumberLength",
      "BigDecimal scale (-100000) magnitude exceeds the maximum allowed (100000)| maxNumberLength",
      "Name length (50001) exceeds the maximum allowed (50000)| maxNameLength",
      "String value length (20000001) exceeds the maximum allowed (20000000)| maxStringLength",
      "Token count (1000001) exceeds the maximum allowed (1000000)| maxTokenCount",
      "Document length (1000001) exceeds the maximum allowed (1000000)| maxPayloadBytes"})
  void eachParserLimitIsNamedByItsKeyword(String jacksonMessage, String keyword) {
    assertThat(EventCodec.limitKeyword(jacksonMessage)).isEqualTo(keyword);
  }

  @Test
  void aLimitMessageJacksonDidNotWordIsThePayloadSizeLimit() {
    assertThat(EventCodec.limitKeyword(null)).isEqualTo("maxPayloadBytes");
    assertThat(EventCodec.limitKeyword("")).isEqualTo("maxPayloadBytes");
  }

  @Test
  void theExceptionTextListsTwentyViolationsAndCountsTheRest() {
    String nl = System.lineSeparator();

    String twenty = EventException.invalidPayload("s", "c", violations(20)).getMessage();
    String twentyTwo = EventException.invalidPayload("s", "c", violations(22)).getMessage();

    assertThat(twenty).startsWith("payload on 's' violates contract c (20 violations)" + nl + "  /0: m0 [type]")
        .endsWith(nl + "  /19: m19 [type]").doesNotContain("more violation");
    assertThat(twentyTwo).endsWith(nl + "  /19: m19 [type]" + nl + "  ... and 2 more violation(s)");
    assertThat(EventException.invalidPayload("s", "c", violations(22)).violations()).hasSize(22);
  }

  @Test
  void aViolationLineIsKeptAt300CharactersAndCutOneLater() {
    assertThat(EventException.abbreviate("x".repeat(300), 300)).isEqualTo("x".repeat(300));
    assertThat(EventException.abbreviate("x".repeat(301), 300)).isEqualTo("x".repeat(300) + "...(301 chars)");
    assertThat(EventException.abbreviate(null, 300)).isNull();
  }

  @Test
  void exhaustedRedeliveriesAreWordedWithTheCountAndTheLimit() {
    EventException e = EventException.maxDeliverExceeded("ticket:created", 6, 5);

    assertThat(e.kind()).isEqualTo(EventException.Kind.MAX_DELIVER_EXCEEDED);
    assertThat(e.subject()).isEqualTo("ticket:created");
    assertThat(e.getMessage())
        .isEqualTo("message on 'ticket:created' arrived for the 6. time without being acked (maxDeliver 5)");
    assertThat(e.violations()).isEmpty();
  }

  @Test
  void listenConcurrencyMayEqualMaxInFlightButNotExceedItOrGoBelowOne() {
    assertThat(ListenOptions.builder("g").maxInFlight(4).concurrency(4).build().concurrency()).isEqualTo(4);
    assertThatThrownBy(() -> ListenOptions.builder("g").maxInFlight(4).concurrency(5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("concurrency must be between 1 and maxInFlight (4), was 5");
    assertThatThrownBy(() -> ListenOptions.builder("g").maxInFlight(4).concurrency(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("concurrency must be between 1 and maxInFlight (4), was 0");
  }

  @Test
  void aSubscriptionRequestNeedsAtLeastOneConcurrentHandler() {
    assertThat(new SubscriptionRequest("s", "g", "d", Duration.ofSeconds(1), 1, false, 1, 1).concurrency())
        .isEqualTo(1);
    assertThatThrownBy(() -> new SubscriptionRequest("s", "g", "d", Duration.ofSeconds(1), 1, false, 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("concurrency must be at least 1, was 0");
  }

  @Test
  void aSubjectNeverSeenHasAllCountersAtZero() {
    DefaultEventMetrics metrics = new DefaultEventMetrics();

    assertThat(metrics.forSubject("never")).isEqualTo(new SubjectMetrics("never", 0, 0, 0, 0, 0, 0, 0))
        .isEqualTo(SubjectMetrics.empty("never"));
  }

  @Test
  void aPatternEndingInsideAClassIsLeftForTheRegexEngineToRefuse() {
    assertThat(PayloadReading.ecmaDot("[")).isEqualTo("[");
    assertThat(PayloadReading.ecmaDot("a[")).isEqualTo("a[");
    assertThat(PayloadReading.ecmaDot("[^")).isEqualTo("[^");
    assertThat(PayloadReading.ecmaDot("a[^")).isEqualTo("a[^");
    assertThat(PayloadReading.ecmaDot("[]")).isEqualTo("[]");
    assertThat(PayloadReading.ecmaDot("[^].[.]")).isEqualTo("[^][^\n\r\u2028\u2029][.]");
  }

  private static List<Violation> violations(int n) {
    return IntStream.range(0, n).mapToObj(i -> new Violation("/" + i, "m" + i, "type")).toList();
  }
}
