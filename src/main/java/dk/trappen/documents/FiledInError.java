package dk.trappen.documents;

/** Why a document is marked filed in error (journaliseret ved en fejl). */
public record FiledInError(String reason) {
}
