package io.eventcontracts.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.runtime.EventCodec;
import io.eventcontracts.runtime.Violation;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The reading both runtimes share (docs/typescript.md): formats, the number rule, ECMA-262's '.'. */
class PayloadReadingTest {

  @ParameterizedTest
  @ValueSource(strings = {"2024-05-01T10:00:00Z", "2024-05-01t10:00:00z", "2024-05-01T10:00:00+18:00",
      "2024-05-01T10:00:00-18:00", "2024-05-01T10:00:00.123456789Z", "2024-02-29T23:59:59-00:00",
      "2000-02-29T00:00:00Z", "0000-01-01T00:00:00+05:59"})
  void acceptsRfc3339DateTimesJavaTimeHolds(String s) {
    assertThat(PayloadReading.isDateTime(s)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-05-01T10:00:00+0200", "2024-05-01T10:00:00+02", "2024-05-01 10:00:00Z",
      "2024-05-01T10:00:00", "2016-12-31T23:59:60Z", "2024-05-01T10:00:00.1234567891Z", "2024-05-01T10:00:00+18:01",
      "2024-05-01T10:00:00+19:00", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2024-13-01T00:00:00Z",
      "2024-00-01T00:00:00Z", "2024-01-00T00:00:00Z", "2024-04-31T00:00:00Z", "2024-05-01T24:00:00Z",
      "2024-05-01T10:60:00Z", "2024-05-01T10:00:00+02:60", "2024-05-01T10:00:00Z\n", "2024-05-01T10:00:00.Z"})
  void refusesEverythingElse(String s) {
    assertThat(PayloadReading.isDateTime(s)).isFalse();
  }

  @Test
  void datesAndUuids() {
    assertThat(PayloadReading.isDate("2000-02-29")).isTrue();
    assertThat(PayloadReading.isDate("2001-02-29")).isFalse();
    assertThat(PayloadReading.isDate("2001-12-31")).isTrue();
    assertThat(PayloadReading.isDate("2001-12-32")).isFalse();
    assertThat(PayloadReading.isDate("2001-1-01")).isFalse();
    assertThat(PayloadReading.isUuid("123e4567-E89B-12d3-a456-426614174000")).isTrue();
    assertThat(PayloadReading.isUuid("urn:uuid:123e4567-e89b-12d3-a456-426614174000")).isFalse();
    assertThat(PayloadReading.isUuid("123e4567e89b12d3a456426614174000")).isFalse();
    assertThat(PayloadReading.isUuid("123e4567-e89b-12d3-a456-42661417400g")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"19.99", "0.1", "1e2", "-0", "0", "9007199254740991", "1152921504606847000", "5e-324",
      "1.7976931348623157e308", "1e23", "0.30000000000000004", "-9223372036854776000"})
  void numbersAJavaScriptNumberHoldsExactlyPass(String n) {
    assertThat(PayloadReading.numberProblem(new BigDecimal(n))).isNull();
  }

  @Test
  void numbersAJavaScriptNumberWouldChangeFailNamingWhatJavaScriptReads() {
    assertThat(PayloadReading.numberProblem(new BigDecimal("1.0000000000000000001")))
        .isEqualTo("1.0000000000000000001 is not exactly representable as a JavaScript number (it would read as 1)");
    assertThat(PayloadReading.numberProblem(new BigDecimal("9007199254740993")))
        .isEqualTo("9007199254740993 is not exactly representable as a JavaScript number (it would read as "
            + "9007199254740992)");
    assertThat(PayloadReading.numberProblem(new BigDecimal("1e400")))
        .isEqualTo("1E+400 is beyond the range of a JavaScript number");
    assertThat(PayloadReading.numberProblem(new BigDecimal("-1e-400"))).startsWith("-1E-400 is not exactly");
    assertThat(PayloadReading.numberProblem(new BigDecimal("4.9e-324"))).isNotNull();
    assertThat(PayloadReading.numberProblem(new BigDecimal("-9223372036854775808"))).isNotNull();
  }

  @Test
  void theFifteenDigitShortcutGivesTheFullRulesVerdict() {
    // numberProblem skips the shortest-decimal search for <= 15 significant digits in the normal range; over random
    // decimals of 1..17 digits and wide exponents its verdict must equal the full comparison with shortest()
    java.util.Random random = new java.util.Random(11);
    for (int i = 0; i < 20_000; i++) {
      int digits = 1 + random.nextInt(17);
      StringBuilder unscaled = new StringBuilder().append(1 + random.nextInt(9));
      for (int k = 1; k < digits; k++) {
        unscaled.append(random.nextInt(10));
      }
      BigDecimal value = new BigDecimal(new java.math.BigInteger(unscaled.toString()), random.nextInt(640) - 320);
      double d = value.doubleValue();
      boolean full = !Double.isInfinite(d) && value.compareTo(PayloadReading.shortest(d)) == 0;
      assertThat(PayloadReading.numberProblem(value) == null).as(value.toString()).isEqualTo(full);
    }
    assertThat(PayloadReading.numberProblem(new BigDecimal("0.123456789012345"))).isNull();
    assertThat(PayloadReading.numberProblem(new BigDecimal("1e-300"))).isNull(); // outside the shortcut, still fine
  }

  @Test
  void numberViolationsPointAtEachBadNumberAndLeaveIntegerTokensAlone() {
    EventCodec codec = EventCodec.create();
    var tree = codec.readTree("s", ("{\"a\":1,\"b\":[2.5,1e400],\"c/d\":{\"e~\":1.0000000000000000001},"
        + "\"f\":-9223372036854775809,\"g\":9007199254740993,\"h\":1.0,\"i\":1e2}").getBytes());
    assertThat(PayloadReading.numberViolations(tree)).extracting(Violation::pointer)
        .containsExactly("/b/1", "/c~1d/e~0");
    assertThat(PayloadReading.numberViolations(tree)).extracting(Violation::keyword).containsOnly("numberPrecision");
  }

  @Test
  void shortestIsEcmaScriptsNumberToString() {
    assertThat(PayloadReading.shortest(0.0)).isEqualByComparingTo("0");
    assertThat(PayloadReading.shortest(5e-324)).isEqualByComparingTo("5e-324");
    assertThat(PayloadReading.shortest(0.1)).isEqualByComparingTo("0.1");
    assertThat(PayloadReading.shortest(1e23)).isEqualByComparingTo("1e23");
    assertThat(PayloadReading.shortest(123.456)).isEqualByComparingTo("123.456");
  }

  @Test
  void ecmaDotExcludesOnlyLineTerminatorsAndLeavesClassesAndEscapesAlone() {
    String dot = "[^\n\r\u2028\u2029]";
    assertThat(PayloadReading.ecmaDot("^.{1,4}$")).isEqualTo("^" + dot + "{1,4}$");
    assertThat(PayloadReading.ecmaDot("a\\.b")).isEqualTo("a\\.b");
    assertThat(PayloadReading.ecmaDot("[.]x.")).isEqualTo("[.]x" + dot);
    assertThat(PayloadReading.ecmaDot("[\\].]")).isEqualTo("[\\].]");
    assertThat(PayloadReading.ecmaDot("[].")).isEqualTo("[]" + dot);
    assertThat(PayloadReading.ecmaDot("[^].")).isEqualTo("[^]" + dot);
    assertThat(PayloadReading.ecmaDot("\\")).isEqualTo("\\");
  }
}
