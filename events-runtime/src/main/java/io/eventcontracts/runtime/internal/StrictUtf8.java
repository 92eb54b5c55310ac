package io.eventcontracts.runtime.internal;

/**
 * Strict UTF-8 check of a JSON payload before it is parsed (RFC 8259 §8.1: JSON exchanged between systems is
 * UTF-8, without a byte order mark).
 *
 * <p>Jackson, left to itself, auto-detects UTF-16/UTF-32 from the first bytes, skips a UTF-8 BOM and decodes the
 * overlong form {@code C0 AF} as {@code /}. JavaScript's {@code JSON.parse} (and most other stacks) reject such
 * payloads, so the runtime must too: a payload's verdict must not depend on the language that reads it. Refused:
 * a byte order mark, any NUL byte (UTF-16/32 text always has one; in UTF-8 JSON a raw U+0000 is never legal), and
 * every ill-formed UTF-8 sequence of the Unicode standard's table 3-7 (overlong forms, surrogates, code points above
 * U+10FFFF, truncated sequences).
 */
public final class StrictUtf8 {

  private StrictUtf8() {}

  /**
   * Why {@code bytes} is not strict UTF-8 JSON text, or {@code null} when it is.
   *
   * @param bytes the payload
   * @return a one-line reason naming the byte offset, or {@code null}
   */
  public static String problem(byte[] bytes) {
    int n = bytes.length;
    if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      return "payload starts with a UTF-8 byte order mark; JSON text must not (RFC 8259 §8.1)";
    }
    int i = 0;
    while (i < n) {
      int b = bytes[i];
      if (b > 0) { // ASCII, not NUL
        i++;
        continue;
      }
      if (b == 0) {
        return "NUL byte at offset " + i + ": the payload is not UTF-8 JSON (UTF-16 or UTF-32?)";
      }
      int b0 = b & 0xFF;
      int length;
      int min2;
      int max2 = 0xBF;
      if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
        min2 = 0x80;
      } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        min2 = b0 == 0xE0 ? 0xA0 : 0x80;     // E0 80..9F: overlong
        max2 = b0 == 0xED ? 0x9F : 0xBF;     // ED A0..BF: UTF-16 surrogates
      } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        min2 = b0 == 0xF0 ? 0x90 : 0x80;     // F0 80..8F: overlong
        max2 = b0 == 0xF4 ? 0x8F : 0xBF;     // F4 90..: above U+10FFFF
      } else {
        return invalid(i, b0);               // 80..C1 (continuation or overlong lead), F5..FF
      }
      if (i + length > n) {
        return "truncated UTF-8 sequence at offset " + i + " (byte 0x" + hex(b0) + ")";
      }
      int b1 = bytes[i + 1] & 0xFF;
      if (b1 < min2 || b1 > max2) {
        return invalid(i, b0);
      }
      for (int k = 2; k < length; k++) {
        int c = bytes[i + k] & 0xFF;
        if (c < 0x80 || c > 0xBF) {
          return invalid(i, b0);
        }
      }
      i += length;
    }
    return null;
  }

  private static String invalid(int offset, int lead) {
    return "invalid UTF-8 at offset " + offset + " (byte 0x" + hex(lead)
        + "): overlong, surrogate, out-of-range or stray byte; payloads must be strict UTF-8 (RFC 8259 §8.1)";
  }

  private static String hex(int b) {
    return Integer.toHexString(0x100 | b).substring(1).toUpperCase(java.util.Locale.ROOT);
  }
}
