package io.eventcontracts.transport.jetstream.internal;

/** NATS subject matching ({@code *} one token, {@code >} the rest), to tell whether a stream covers a subject. */
final class SubjectMatcher {

  private SubjectMatcher() {}

  static boolean matches(String filter, String subject) {
    String[] f = filter.split("\\.", -1);
    String[] s = subject.split("\\.", -1);
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals(">")) {
        return s.length > i;
      }
      if (i >= s.length) {
        return false;
      }
      if (!f[i].equals("*") && !f[i].equals(s[i])) {
        return false;
      }
    }
    return f.length == s.length;
  }
}
