/**
 * Documents: the files on a case (issue 19): reports, statements, e-mails received and the letters and plans Trappen
 * itself sends, each with a title, a kind, the date it was written or received, the detected media type, its size and
 * SHA-256 checksum, who stored it and when. The content is stored in the database, in a table of its own so that a
 * list never reads it. Nothing is deleted: a document filed in error (journaliseret ved en fejl) stays listed with
 * who, when and why. Owns the rules of an upload ({@link dk.trappen.documents.DocumentPolicy}: the type detected from
 * the content with Apache Tika, never from the name; the name's extension agreeing with it; the size limit
 * {@code trappen.documents.max-size}; a zip container's entry count, inflated size and compression ratio, read as a
 * stream and stopped at the limit; the file name), the service other features store through
 * ({@link dk.trappen.documents.DocumentService}, {@code storeGenerated} for letters), and the API's GET and POST
 * /api/cases/{caseNumber}/documents, GET /api/documents/{id} and POST /api/documents/{id}/filed-in-error. Every read
 * and write goes through {@code security.CaseAccess} first (the case's team writes, a head reads, intake and other
 * teams find nothing). The case page's list and forms are {@code casefile}'s.
 */
package dk.trappen.documents;
