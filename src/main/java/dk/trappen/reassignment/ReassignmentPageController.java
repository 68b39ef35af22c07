package dk.trappen.reassignment;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import dk.trappen.security.CurrentUser;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reassignment forms of the oversight page: the same request records, service and policy as the API; the answer
 * goes back to the overview as a notice, the policy's problems in the user's language, or what stopped the move.
 */
@Controller
class ReassignmentPageController {

  private static final String BACK = "redirect:/oversight";

  private final ReassignmentService reassignment;
  private final CurrentUser currentUser;
  private final MessageSource messages;

  ReassignmentPageController(ReassignmentService reassignment, CurrentUser currentUser, MessageSource messages) {
    this.reassignment = reassignment;
    this.currentUser = currentUser;
    this.messages = messages;
  }

  @PostMapping("/oversight/reassign-tasks")
  String tasks(@ModelAttribute TaskReassignment request, @RequestParam(required = false) String team,
      RedirectAttributes flash) {
    answer(flash, "oversight.reassign.tasksDone", () -> reassignment.reassignTasks(request, currentUser.get()));
    return back(team, flash);
  }

  @PostMapping("/oversight/reassign-cases")
  String cases(@ModelAttribute CaseReassignment request, @RequestParam(required = false) String team,
      RedirectAttributes flash) {
    answer(flash, "oversight.reassign.casesDone", () -> reassignment.reassignCases(request, currentUser.get()));
    return back(team, flash);
  }

  /** Back to the overview, of the team the form was on when the leader has several. */
  private String back(String team, RedirectAttributes redirect) {
    if (team != null && currentUser.get().covers(team)) {
      redirect.addAttribute("team", team);
    }
    return BACK;
  }

  private void answer(RedirectAttributes flash, String done, java.util.function.Supplier<Reassigned> move) {
    try {
      Reassigned moved = move.get();
      flash.addFlashAttribute("done", done);
      flash.addFlashAttribute("doneCount", moved.moved().size());
    } catch (InvalidInputException e) {
      if (e.conflict()) {
        // a task completed or claimed by someone else while the leader chose: nothing moved
        flash.addFlashAttribute("error", "oversight.reassign.conflict");
      } else {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> problems = e.problems().stream().map(Problem::onPage)
            .map(p -> messages.getMessage(p, locale)).toList();
        flash.addFlashAttribute("problems", problems);
      }
    } catch (NotFoundException e) {
      // another team's task or case answers like one that does not exist (the refusal is recorded)
      flash.addFlashAttribute("error", "oversight.reassign.notFound");
    }
  }
}
