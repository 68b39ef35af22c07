package dk.trappen.letters;

/** A letter is a draft until it is sent; a sent letter never changes. */
public enum LetterStatus {
  DRAFT, SENT
}
