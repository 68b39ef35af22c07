package dk.trappen.administration;

import dk.trappen.deadlines.DeadlineKind;
import dk.trappen.deadlines.DeadlineRule;
import dk.trappen.deadlines.DeadlineRules;
import dk.trappen.deadlines.WorkingDayCalendar;
import dk.trappen.staircase.StaircaseService;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What is in force ({@code /admin/rules}), read-only: the deadline rules as configured ({@code config/deadlines.yml})
 * with what each counts and its legal basis, and the staircase's steps ({@code config/staircase.yml}). Changing them
 * is configuration, checked at start-up.
 */
@Controller
class RulesPageController {

  private final DeadlineRules rules;
  private final StaircaseService staircase;
  private final MessageSource messages;

  RulesPageController(DeadlineRules rules, StaircaseService staircase, MessageSource messages) {
    this.rules = rules;
    this.staircase = staircase;
    this.messages = messages;
  }

  /**
   * A deadline rule as the page shows it: its kind, what it counts, when it is at risk, when its task opens, its
   * basis, and how long after the team leader's escalation it reaches the head (the second tier).
   */
  record RuleRow(DeadlineKind kind, String counts, String atRisk, String opensBefore, String basis, String toHead) {
  }

  @GetMapping("/admin/rules")
  String page(Model model, Locale locale) {
    List<RuleRow> rows = Arrays.stream(DeadlineKind.values()).map(rules::rule).filter(Objects::nonNull)
        .map(r -> new RuleRow(r.kind(),
        counts(r, locale), r.atRisk() == null ? "" : duration(r.atRisk(), locale),
        r.lead() == null ? "" : period(r.lead(), locale), r.basis(), toHead(rules.headTier(r.kind()), locale)))
        .toList();
    model.addAttribute("rules", rows);
    model.addAttribute("zone", rules.zone());
    model.addAttribute("calendar", calendar(locale));
    model.addAttribute("steps", staircase.steps());
    model.addAttribute("english", "en".equals(locale.getLanguage()));
    return "admin-rules";
  }

  private String counts(DeadlineRule r, Locale locale) {
    return switch (r.shape()) {
      case DURATION -> msg(locale, "admin.rules.duration", duration(r.duration(), locale));
      case PERIOD -> msg(locale, "admin.rules.period", period(r.period(), locale));
      case WORKING_DAYS -> msg(locale, "admin.rules.workingDays", r.count());
      case BIRTHDAY -> r.before() != null
          ? msg(locale, "admin.rules.beforeBirthday", period(r.before(), locale), r.count())
          : r.after() != null ? msg(locale, "admin.rules.afterBirthday", period(r.after(), locale), r.count())
          : msg(locale, "admin.rules.birthday", r.count());
      case PLANNED_END -> msg(locale, "admin.rules.plannedEnd");
    };
  }

  /** The calendar the deadlines count in: the closing days, yearly and one-off, and the 29 February rule. */
  record CalendarRow(String holidayNote, String yearlyClosingDays, String closingDays, String leapDay) {
  }

  private CalendarRow calendar(Locale locale) {
    WorkingDayCalendar calendar = rules.calendar();
    DateTimeFormatter monthDay = DateTimeFormatter.ofPattern("d. MMMM", locale);
    String yearly = calendar.yearlyClosingDays().stream().map(monthDay::format).collect(Collectors.joining(", "));
    String oneOff = calendar.closingDays().stream().map(LocalDate::toString).collect(Collectors.joining(", "));
    return new CalendarRow(msg(locale, "admin.rules.calendar.endOfDay"),
        yearly.isEmpty() ? msg(locale, "admin.rules.calendar.none") : yearly,
        oneOff.isEmpty() ? msg(locale, "admin.rules.calendar.none") : oneOff,
        msg(locale, "admin.rules.calendar.leapDay." + rules.leapDay().key()));
  }

  /** The second tier, counted from the team leader's escalation: "24 timer", "2 arbejdsdage", "14 dage". */
  private String toHead(DeadlineRule tier, Locale locale) {
    if (tier == null) {
      return "";
    }
    return switch (tier.shape()) {
      case DURATION -> duration(tier.duration(), locale);
      case PERIOD -> period(tier.period(), locale);
      case WORKING_DAYS -> msg(locale, "admin.rules.workingDaysCount", tier.count());
      case BIRTHDAY, PLANNED_END -> "";
    };
  }

  /** Hours as hours, whole days as days: "24 timer", "14 dage". */
  private String duration(Duration d, Locale locale) {
    return d.toHours() % 24 == 0 && d.toHours() >= 48 ? msg(locale, "admin.rules.days", d.toDays())
        : msg(locale, "admin.rules.hours", d.toHours());
  }

  private String period(Period p, Locale locale) {
    StringBuilder text = new StringBuilder();
    if (p.toTotalMonths() > 0) {
      text.append(msg(locale, "admin.rules.months", p.toTotalMonths()));
    }
    if (p.getDays() > 0) {
      text.append(text.isEmpty() ? "" : " + ").append(msg(locale, "admin.rules.days", p.getDays()));
    }
    return text.toString();
  }

  private String msg(Locale locale, String key, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
