package dk.trappen.letters;

/** The kinds of letter, each with its template under {@code templates/letters/}. */
public enum LetterKind {
  /** Kvittering: the receipt owed to a professional notifier (Barnets Lov § 133). */
  RECEIPT("receipt", "kvittering"),
  /** Afgørelse: a decision on an intervention, with its legal basis, reasons and appeal guidance. */
  DECISION("decision", "afgoerelse"),
  /** Barnets plan: the goals, the youth's own words and the next meeting, to share with the family. */
  PLAN("plan", "barnets-plan");

  private final String template;
  private final String fileWord;

  LetterKind(String template, String fileWord) {
    this.template = template;
    this.fileWord = fileWord;
  }

  /** The Thymeleaf template, {@code letters/<template>}. */
  public String template() {
    return "letters/" + template;
  }

  /** The word in the file name of a letter of this kind, e.g. {@code 2027-00012-afgoerelse-7.pdf}. */
  public String fileWord() {
    return fileWord;
  }
}
