package dk.trappen.common;

/**
 * Text input may hold tab, line feed and carriage return, but no other C0 control character (U+0000 to U+001F).
 * They are invisible, have no place in case notes, and NUL (U+0000) cannot be stored in PostgreSQL's text columns at
 * all. Every way text comes in rejects them, naming the field: JSON bodies through {@link TextInputJackson}, the pages
 * that bind form parameters themselves with a message of their own.
 *
 * <p>Names (of the child and other persons) may in addition hold no Unicode bidirectional control (see
 * {@link #bidiPresent}): an override such as U+202E makes a name display reversed, so that what a caseworker reads is
 * not what was stored. Names refuse them through {@link PersonName}; free text (a concern, the youth's words) may
 * hold them, as text in Arabic or Hebrew mixed with Danish legitimately does.
 */
public final class ControlCharacters {

  /** The code of the problem (see {@link Problem}). */
  public static final String PROBLEM = "problem.controlCharacters";

  /** The code of the problem with a name holding a bidirectional control. */
  public static final String BIDI_PROBLEM = "problem.bidiControls";

  /** The problem as the API says it in English (the text of {@link #PROBLEM} in messages_en.properties). */
  public static final String PROBLEM_TEXT = "must not contain control characters (U+0000 to U+001F other than tab, "
      + "line feed and carriage return)";

  /** The problem with a name as the API says it in English (the text of {@link #BIDI_PROBLEM}). */
  public static final String BIDI_PROBLEM_TEXT = "must not contain bidirectional control characters (U+061C, U+200E, "
      + "U+200F, U+202A to U+202E, U+2066 to U+2069)";

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

  /**
   * Whether {@code text} holds a Unicode bidirectional control: the Arabic letter mark (U+061C), the left-to-right and
   * right-to-left marks (U+200E, U+200F), the embeddings, overrides and their end (U+202A to U+202E) and the isolates
   * (U+2066 to U+2069); false for null.
   */
  public static boolean bidiPresent(CharSequence text) {
    if (text == null) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (bidi(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean bidi(char c) {
    return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  static boolean forbidden(char c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
  }
}
