package dk.trappen.audit;

/**
 * What was done with the case data, or tried: a read, a write, an export; a refused read, write or export (or a URL
 * the user's role may not use); a sign-in, a failed one, and an administrator's unlock of a locked sign-in.
 */
public enum AuditAction {
  READ, WRITE, EXPORT, REFUSED, SIGN_IN, SIGN_IN_FAILED, UNLOCK
}
