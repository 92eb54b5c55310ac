package io.eventcontracts.runtime.internal;

import io.eventcontracts.runtime.Violation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.io.schubfach.DoubleToDecimal;
import tools.jackson.databind.JsonNode;

/**
 * The one reading of payload values that the Java runtime and the generated TypeScript package both apply (the
 * TypeScript side is {@code runtime/reading.ts} of the package; docs/typescript.md states the reading, and the
 * agreement corpus in generated-events proves both give the same verdict):
 *
 * <ul>
 *   <li><b>numbers</b>: a number written with a fraction or an exponent must be exactly the value a JavaScript number
 *       (IEEE-754 double) holds, read back as its shortest decimal (ECMA-262 {@code Number::toString}); {@code 19.99},
 *       {@code 1e2}, {@code 1.0} pass; {@code 1.0000000000000000001}, {@code 1e400}, {@code -1e-400} do not (keyword
 *       {@code numberPrecision}). Integers written as digits are accepted at any size and compared exactly by both
 *       validators.</li>
 *   <li><b>{@code date-time}</b>: RFC 3339 section 5.6, {@code T}/{@code t}, {@code Z}/{@code z} or a
 *       {@code ±HH:MM} offset of at most 18:00, seconds 00-59, at most 9 fraction digits: exactly what
 *       {@link java.time.OffsetDateTime} holds.</li>
 *   <li><b>{@code date}</b>: RFC 3339 full-date; <b>{@code uuid}</b>: the RFC 4122 string form, hex in either case, no
 *       {@code urn:uuid:} prefix.</li>
 * </ul>
 */
public final class PayloadReading {

  private PayloadReading() {}

  private static final Pattern DATE_TIME = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(?:([Zz])|([+-])(\\d{2}):(\\d{2}))");
  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final MathContext ONE_DIGIT = new MathContext(1, RoundingMode.HALF_EVEN);

  /** format {@code date-time} as read by both runtimes. */
  public static boolean isDateTime(String s) {
    Matcher m = DATE_TIME.matcher(s);
    if (!m.matches() || !validDate(m.group(1), m.group(2), m.group(3))) {
      return false;
    }
    if (Integer.parseInt(m.group(4)) > 23 || Integer.parseInt(m.group(5)) > 59 || Integer.parseInt(m.group(6)) > 59) {
      return false;
    }
    if (m.group(9) != null) {
      int h = Integer.parseInt(m.group(10));
      int min = Integer.parseInt(m.group(11));
      return min <= 59 && h <= 18 && !(h == 18 && min > 0);
    }
    return true;
  }

  /** format {@code date}: RFC 3339 full-date. */
  public static boolean isDate(String s) {
    Matcher m = DATE.matcher(s);
    return m.matches() && validDate(m.group(1), m.group(2), m.group(3));
  }

  /** format {@code uuid}: the RFC 4122 string form. */
  public static boolean isUuid(String s) {
    return UUID.matcher(s).matches();
  }

  private static boolean validDate(String y, String mo, String d) {
    int year = Integer.parseInt(y);
    int month = Integer.parseInt(mo);
    int day = Integer.parseInt(d);
    if (month < 1 || month > 12 || day < 1) {
      return false;
    }
    boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    int[] days = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return day <= days[month - 1];
  }

  /** Why a number breaks the number rule, or {@code null}. */
  public static String numberProblem(BigDecimal value) {
    // at most 15 significant digits, well inside the normal range: the double nearest to such a decimal reads back
    // as exactly that decimal (15 = DBL_DIG: two such decimals never share a double), so the rule holds; this spares
    // the common prices and amounts the shortest-decimal search below
    int magnitude = value.precision() - value.scale();
    if (value.signum() == 0 || (value.precision() <= 15 && magnitude > -290 && magnitude < 300)) {
      return null;
    }
    double d = value.doubleValue();
    if (Double.isInfinite(d)) {
      return value + " is beyond the range of a JavaScript number";
    }
    BigDecimal shortest = shortest(d);
    if (value.compareTo(shortest) != 0) {
      return value + " is not exactly representable as a JavaScript number (it would read as "
          + shortest.stripTrailingZeros().toString() + ")";
    }
    return null;
  }

  /**
   * The decimal ECMA-262 {@code Number::toString} writes for {@code d}: the shortest that reads back as {@code d},
   * the closest to it among those. Schubfach (Jackson's {@code DoubleToDecimal}, Java 19's {@code Double.toString})
   * gives it except that it writes at least two digits, so a one-digit form is tried first ({@code 5e-324}, where
   * Schubfach writes {@code 4.9E-324}).
   */
  static BigDecimal shortest(double d) {
    if (d == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal twoOrMore = new BigDecimal(DoubleToDecimal.toString(d));
    BigDecimal one = twoOrMore.round(ONE_DIGIT);
    return one.doubleValue() == d ? one : twoOrMore;
  }

  /**
   * An ECMA-262 pattern with each {@code .} outside a character class spelled as the class ECMA-262 gives it,
   * {@code [^\n\r\u2028\u2029]}: Joni's ECMAScript syntax lets {@code .} match {@code \r}, U+2028 and U+2029.
   */
  public static String ecmaDot(String pattern) {
    StringBuilder out = new StringBuilder(pattern.length() + 16);
    boolean inClass = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        out.append(c).append(pattern.charAt(++i));
      } else if (inClass) {
        inClass = c != ']';
        out.append(c);
      } else if (c == '[') {
        inClass = true;
        out.append(c);
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') { // ECMA-262 "[]": matches nothing
          out.append(pattern.charAt(++i));
          inClass = false;
        } else if (i + 2 < pattern.length() && pattern.charAt(i + 1) == '^' && pattern.charAt(i + 2) == ']') {
          out.append(pattern.charAt(++i)).append(pattern.charAt(++i));
          inClass = false;
        }
      } else if (c == '.') {
        out.append("[^\n\r\u2028\u2029]");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Every number of the tree that breaks the number rule, keyword {@code numberPrecision}, with its pointer. */
  public static List<Violation> numberViolations(JsonNode tree) {
    List<Violation> out = new ArrayList<>(0);
    collect(tree, "", out);
    return out;
  }

  private static void collect(JsonNode node, String pointer, List<Violation> out) {
    if (node.isNumber()) {
      // integer tokens (no fraction, no exponent) are exact on both sides whatever their size: Java binds them to
      // Long/BigInteger, the TypeScript validator compares their source text (reading.ts); the rule is for the rest
      if (node.isIntegralNumber()) {
        return;
      }
      String problem = numberProblem(node.decimalValue());
      if (problem != null) {
        out.add(new Violation(pointer, problem, "numberPrecision"));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, out);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        JsonNode value = e.getValue();
        // a pointer only for what may hold a violation (per message on the hot path: no string work per field)
        if (value.isContainer() || (value.isNumber() && !value.isIntegralNumber())) {
          collect(value, pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out);
        }
      }
    }
  }
}
