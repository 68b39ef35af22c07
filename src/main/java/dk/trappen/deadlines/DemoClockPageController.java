package dk.trappen.deadlines;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The demo clock page for administrators (demo profile only): move time forward by one of the offered steps, by any
 * ISO-8601 period or duration, or to a date, and watch deadlines turn. What is typed is read by
 * {@link DemoClockMoves}, as the API reads it; a refusal is shown beside its field.
 */
@Controller
@Profile("demo")
class DemoClockPageController {

  /** The moves offered as buttons. */
  static final List<String> STEPS = List.of("PT1H", "PT4H", "P1D", "P7D", "P30D", "P1M");

  private final DemoClock demoClock;
  private final DeadlineRules rules;
  private final MessageSource messages;

  DemoClockPageController(DemoClock demoClock, DeadlineRules rules, MessageSource messages) {
    this.demoClock = demoClock;
    this.rules = rules;
    this.messages = messages;
  }

  @GetMapping("/admin/clock")
  String page(Model model) {
    return show(model, Map.of(), Map.of());
  }

  @PostMapping("/admin/clock")
  String advance(@RequestParam(required = false) String advance, @RequestParam(required = false) String to,
      Model model, RedirectAttributes flash, HttpServletResponse response) {
    Instant target;
    try {
      target = DemoClockMoves.target(advance, to, demoClock.now().atZone(rules.zone()));
    } catch (InvalidInputException e) {
      Map<String, String> errors = new LinkedHashMap<>();
      for (Problem p : e.problems()) {
        errors.putIfAbsent(p.field(), messages.getMessage(p.onPage(), LocaleContextHolder.getLocale()));
      }
      Map<String, String> typed = new LinkedHashMap<>();
      typed.put("advance", advance == null ? "" : advance);
      typed.put("to", to == null ? "" : to);
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return show(model, errors, typed);
    }
    flash.addFlashAttribute("fired", demoClock.moveTo(target).ran());
    return "redirect:/admin/clock";
  }

  private String show(Model model, Map<String, String> errors, Map<String, String> typed) {
    model.addAttribute("now", demoClock.now().atZone(rules.zone()));
    model.addAttribute("steps", STEPS);
    model.addAttribute("clockErrors", errors);
    model.addAttribute("clockForm", typed);
    return "admin-clock";
  }
}
