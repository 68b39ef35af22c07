package dk.trappen.documents;

/**
 * A new document's description, as the API's and the case page's upload forms submit it; the content comes beside it.
 * Taken as text, so that an unknown kind or a date that is no date is named together with every other problem
 * ({@link DocumentPolicy}).
 *
 * @param title    what the document is, as the list shows it
 * @param kind     one of {@link DocumentKind#forUpload()}
 * @param date     when the document was written or received, ISO {@code yyyy-MM-dd}; not in the future
 * @param fileName the file's name as sent (its extension must agree with the detected type)
 */
public record NewDocument(String title, String kind, String date, String fileName) {
}
