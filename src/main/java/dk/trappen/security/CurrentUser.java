package dk.trappen.security;

import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in staff member, for services that act on their behalf. */
@Component
public class CurrentUser {

  private final OrgService org;

  CurrentUser(OrgService org) {
    this.org = org;
  }

  public StaffMember get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      throw new AccessDeniedException("not signed in");
    }
    return org.member(auth.getName()).orElseThrow(() -> new AccessDeniedException("unknown user " + auth.getName()));
  }
}
