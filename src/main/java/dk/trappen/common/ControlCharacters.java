package dk.trappen.common;

/**
 * Text input may hold tab, line feed and carriage return, but no other C0 control character (U+0000 to U+001F).
 * They are invisible, have no place in case notes, and NUL (U+0000) cannot be stored in PostgreSQL's text columns at
 * all. Every way text comes in rejects them, naming the field: JSON bodies through {@link TextInputJackson}, the pages
 * that bind form parameters themselves with a message of their own.
 */
public final class ControlCharacters {

  /** The problem as the API names it (and as the task forms recognise it). */
  public static final String PROBLEM = "must not contain control characters (U+0000 to U+001F other than tab, "
      + "line feed and carriage return)";

  private ControlCharacters() {
  }

  /** Whether {@code text} holds a control character that text input may not hold; false for null. */
  public static boolean present(CharSequence text) {
    if (text == null) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (forbidden(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean forbidden(char c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
  }
}
