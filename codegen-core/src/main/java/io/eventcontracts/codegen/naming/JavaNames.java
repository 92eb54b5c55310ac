package io.eventcontracts.codegen.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/**
 * The one place that turns contract names into Java names, so the loader (which reports clashes with file and line)
 * and the generators (which emit the classes) always agree.
 */
public final class JavaNames {

  private JavaNames() {}

  /**
   * Splits on every character that is not a letter or digit and upper-cases the first letter of each part, keeping
   * the rest: {@code ticket:created} → {@code TicketCreated}, {@code userId} → {@code UserId},
   * {@code TicketCreated} → {@code TicketCreated}.
   */
  public static String pascal(String text) {
    StringBuilder out = new StringBuilder();
    for (String part : words(text)) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
    }
    return out.toString();
  }

  /** {@code ticket:created} → {@code TicketCreated}: the name an event's classes start with. */
  public static String eventBaseName(String subject) {
    return pascal(subject);
  }

  /** {@code ticket:created} → {@code TicketCreatedEvent}. */
  public static String eventClassName(String subject) {
    return eventBaseName(subject) + "Event";
  }

  public static String listenerClassName(String subject) {
    return eventBaseName(subject) + "Listener";
  }

  public static String publisherClassName(String subject) {
    return eventBaseName(subject) + "Publisher";
  }

  /**
   * {@code ticket:created} → {@code TICKET_CREATED}; {@code ticketCreated} → {@code TICKET_CREATED};
   * {@code IN_PROGRESS} → {@code IN_PROGRESS}: a word starts after every separator and at every lower-to-upper case
   * change (and before the last capital of an acronym: {@code HTTPServer} → {@code HTTP_SERVER}).
   */
  public static String constantName(String text) {
    List<String> parts = new ArrayList<>();
    for (String word : words(text)) {
      parts.add(snake(word));
    }
    return String.join("_", parts).toUpperCase(Locale.ROOT);
  }

  /** One separator-free word split at its case changes: {@code ticketCreated} → {@code ticket_Created}. */
  private static String snake(String word) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (i > 0 && Character.isUpperCase(c)) {
        char before = word.charAt(i - 1);
        boolean wordStart = Character.isLowerCase(before) || Character.isDigit(before);
        boolean acronymEnd = Character.isUpperCase(before)
            && i + 1 < word.length() && Character.isLowerCase(word.charAt(i + 1));
        if (wordStart || acronymEnd) {
          out.append('_');
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  /** True when {@code name} can be a Java class name (identifier, not a keyword or literal). */
  public static boolean isValidClassName(String name) {
    return name != null && !name.isEmpty() && SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name);
  }

  /** True for a dotted sequence of valid identifiers ({@code io.eventcontracts.ticketing}). */
  public static boolean isValidPackageName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (String part : name.split("\\.", -1)) {
      if (!isValidClassName(part)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        current.appendCodePoint(cp);
      } else if (current.length() > 0) {
        words.add(current.toString());
        current.setLength(0);
      }
      i += Character.charCount(cp);
    }
    if (current.length() > 0) {
      words.add(current.toString());
    }
    return words;
  }
}
