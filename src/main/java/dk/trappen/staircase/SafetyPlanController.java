package dk.trappen.staircase;

import dk.trappen.cases.CaseRef;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A running intervention's safety plan over the API (the case page's form is {@code casefile}'s). The case's
 * caseworkers and team leader agree it; another team, intake and administrators get "not found" (a head of
 * department 403 by role), recorded by {@link CaseAccess}. The plans are read in GET /api/cases/{caseNumber}.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/interventions")
@Tag(name = "Safety plans", description = "The safety plan (sikkerhedsplan) of a running intervention: what the "
    + "signs of danger are, what each adult does, whom the child calls; reviewed at the network meetings")
class SafetyPlanController {

  private final SafetyPlans safetyPlans;
  private final CaseAccess access;
  private final CurrentUser currentUser;

  SafetyPlanController(SafetyPlans safetyPlans, CaseAccess access, CurrentUser currentUser) {
    this.safetyPlans = safetyPlans;
    this.access = access;
    this.currentUser = currentUser;
  }

  @PostMapping("/{interventionId}/safety-plan")
  @Operation(summary = "Agree the safety plan of a running intervention of the case: 200 with the plan; agreed "
      + "again, it replaces the content and with whom in place, and its reviews stay",
      description = "content is required, at most " + SafetyPlans.MAX_CONTENT + " characters; agreedWith is "
          + "required, at most " + SafetyPlans.MAX_AGREED_WITH + " characters. 400 names each field wrong "
          + "(interventionId when the intervention is not on the case or not running); nothing is stored then. 404 "
          + "for a case of another team.")
  SafetyPlanView agree(@PathVariable String caseNumber, @PathVariable long interventionId,
      @RequestBody NewSafetyPlan plan) {
    CaseRef c = access.write(caseNumber, "safety plan: intervention " + interventionId);
    return safetyPlans.agree(c.id(), interventionId, plan, currentUser.get().username());
  }
}
