package dk.trappen.deadlines;

import java.time.Duration;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The demo clock page for administrators: move time forward and watch deadlines turn (demo profile only). */
@Controller
@Profile("demo")
class DemoClockPageController {

  /** The moves offered on the page. */
  static final java.util.List<String> STEPS = java.util.List.of("PT1H", "PT4H", "P1D", "P7D", "P30D");

  private final DemoClock demoClock;
  private final DeadlineRules rules;

  DemoClockPageController(DemoClock demoClock, DeadlineRules rules) {
    this.demoClock = demoClock;
    this.rules = rules;
  }

  @GetMapping("/admin/clock")
  String page(Model model) {
    model.addAttribute("now", demoClock.now().atZone(rules.zone()));
    model.addAttribute("steps", STEPS);
    return "admin-clock";
  }

  @PostMapping("/admin/clock")
  String advance(@RequestParam String advance, RedirectAttributes flash) {
    if (!STEPS.contains(advance)) {
      flash.addFlashAttribute("error", "clock.invalid");
      return "redirect:/admin/clock";
    }
    flash.addFlashAttribute("fired", demoClock.advance(Duration.parse(advance)).ran());
    return "redirect:/admin/clock";
  }
}
