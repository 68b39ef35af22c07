package dk.trappen.security;

import dk.trappen.org.StaffAccount;
import dk.trappen.org.StaffMember;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Signs in a municipality's staff through its OpenID Connect identity provider: the user named by the configured
 * claim (default {@code preferred_username}) must be an active staff user of Trappen, whose role and teams then apply;
 * anyone else is refused. The identity provider proves who the user is; Trappen decides what they may do, unless the
 * mapping of the identity provider's groups to a role and teams is switched on ({@link IdentityProviderStaff}).
 */
@Component
class StaffOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcUserService delegate = new OidcUserService();
  private final IdentityProviderStaff staff;
  private final String usernameClaim;

  StaffOidcUserService(IdentityProviderStaff staff,
      @Value("${trappen.security.oidc.username-claim:preferred_username}") String usernameClaim) {
    this.staff = staff;
    this.usernameClaim = usernameClaim;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
    return toStaff(delegate.loadUser(request));
  }

  /** The identity provider's user as a Trappen staff member, or refused. */
  OidcUser toStaff(OidcUser user) {
    Object claim = user.getClaims().get(usernameClaim);
    if (claim == null) {
      throw refused("the identity provider sent no " + usernameClaim + " claim");
    }
    StaffAccount account;
    try {
      account = staff.staffFor(claim.toString(), user.getClaims());
    } catch (IdentityProviderStaff.NotStaff e) {
      throw refused(e.getMessage());
    }
    if (!account.active()) {
      throw refused(claim + " is a deactivated staff user of Trappen");
    }
    StaffMember member = account.member();
    return new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_" + member.role().name())), user.getIdToken(),
        user.getUserInfo(), usernameClaim);
  }

  private static final String NOT_STAFF = "not_trappen_staff";

  private static OAuth2AuthenticationException refused(String why) {
    return new OAuth2AuthenticationException(new OAuth2Error(NOT_STAFF, why, null), why);
  }

  /** Whether a failed sign-in is this service's refusal of someone who is not an active staff user. */
  static boolean refusedAsStaff(Exception failure) {
    return failure instanceof OAuth2AuthenticationException e && NOT_STAFF.equals(e.getError().getErrorCode());
  }
}
