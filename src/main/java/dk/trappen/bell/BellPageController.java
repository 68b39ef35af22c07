package dk.trappen.bell;

import dk.trappen.org.StaffMember;
import dk.trappen.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The bell's page: the new items, then those seen of the last two weeks. Showing them marks the bell seen up to the
 * newest item shown, so the header's count (computed before this page was read) is zero on the page itself.
 */
@Controller
class BellPageController {

  private final BellService bell;
  private final CurrentUser currentUser;

  BellPageController(BellService bell, CurrentUser currentUser) {
    this.bell = bell;
    this.currentUser = currentUser;
  }

  @GetMapping("/bell")
  String page(Model model) {
    StaffMember me = currentUser.get();
    BellService.Bell shown = bell.read(me, "bell");
    bell.markSeen(me.username(), shown.newest());
    model.addAttribute("bell", shown);
    model.addAttribute("windowDays", BellService.WINDOW_DAYS);
    model.addAttribute("bellCount", 0L);
    return "bell";
  }
}
