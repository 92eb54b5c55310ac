package io.eventcontracts.codegen.catalog;

import java.net.URI;
import java.net.URISyntaxException;

/** HTML escaping and link encoding for the catalog: every text and attribute value passes through here. */
final class Html {

  private Html() {}

  /** Text or attribute value with {@code & < > " '} escaped; {@code null} as empty. */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A relative path as a URL path: each segment percent-encoded where needed ({@code a b.json} → {@code a%20b.json}). */
  static String path(String relativePath) {
    try {
      return new URI(null, null, relativePath, null).getRawPath();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a path: " + relativePath, e);
    }
  }

  /** A name usable as a file name or an HTML id: letters, digits, {@code . _ -} kept, anything else {@code _}. */
  static String slug(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
          || c == '-' ? c : '_');
    }
    return out.length() == 0 ? "_" : out.toString();
  }
}
