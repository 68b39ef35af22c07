package dk.trappen.documents;

/** A document with its content, to be downloaded. */
public record DocumentFile(DocumentView document, byte[] content) {
}
