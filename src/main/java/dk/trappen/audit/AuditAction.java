package dk.trappen.audit;

/** What was done with the case data. */
public enum AuditAction {
  READ, WRITE, EXPORT
}
