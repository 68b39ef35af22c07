package dk.trappen.security;

import dk.trappen.org.StaffAccount;
import java.util.Map;

/**
 * Who a person signed in by the municipality's identity provider is in Trappen. Implemented by the administration,
 * which may bring the account in line with the identity provider's groups (off by default); security asks it at every
 * OpenID Connect sign-in and refuses anyone it refuses.
 */
public interface IdentityProviderStaff {

  /**
   * The staff account of {@code username}, given the identity provider's claims about them.
   *
   * @throws NotStaff when the person is not (or may not be) a staff user of Trappen; the message says why
   */
  StaffAccount staffFor(String username, Map<String, Object> claims);

  /** The identity provider's user is not a staff user of Trappen; the message says why (for the log and audit). */
  final class NotStaff extends RuntimeException {
    public NotStaff(String why) {
      super(why);
    }
  }
}
