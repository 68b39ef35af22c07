package dk.trappen.web;

import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in staff member into every page's model for the layout's header. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

  private final OrgService org;

  LayoutModel(OrgService org) {
    this.org = org;
  }

  @ModelAttribute("me")
  StaffMember me() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
      return null;
    }
    return org.member(auth.getName()).orElse(null);
  }
}
