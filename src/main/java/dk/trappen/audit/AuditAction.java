package dk.trappen.audit;

/**
 * What was done with the case data, or tried: a read, a write, an export; a refused read, write or export (or a URL
 * the user's role may not use); a sign-in, a failed one, and an administrator's unlock of a locked sign-in; an
 * administrator's change of a team or a staff user ({@code ADMINISTER}: what, from what, to what).
 */
public enum AuditAction {
  READ, WRITE, EXPORT, REFUSED, SIGN_IN, SIGN_IN_FAILED, UNLOCK, ADMINISTER
}
