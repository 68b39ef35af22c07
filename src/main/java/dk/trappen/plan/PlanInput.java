package dk.trappen.plan;

import dk.trappen.common.PersonName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * An action plan or youth plan as the caseworker writes it with the youth and the family: the payload of the
 * action-plan and youth-plan tasks.
 */
public record PlanInput(
    @NotBlank(message = "{problem.plan.youthOwnWords.required}")
    @Size(max = 4000, message = "{problem.tooLong}") String youthOwnWords,
    @NotEmpty(message = "{problem.plan.goals.required}")
    @Size(max = 30, message = "{problem.plan.goals.tooMany}") List<@NotNull(message = "{problem.plan.goal.required}") @Valid Goal> goals) {

  /** A concrete goal. */
  public record Goal(
      @NotBlank(message = "{problem.plan.goal.title.required}") @Size(max = 500, message = "{problem.tooLong}")
      String title,
      @NotBlank(message = "{problem.plan.goal.successCriterion.required}")
      @Size(max = 1000, message = "{problem.tooLong}") String successCriterion,
      @NotBlank(message = "{problem.plan.goal.owner.required}")
      @Size(max = 200, message = "{problem.tooLong}") @PersonName String owner,
      @NotNull(message = "{problem.plan.goal.targetDate.required}")
      @Future(message = "{problem.afterToday}") LocalDate targetDate,
      boolean youthOwn,
      @NotEmpty(message = "{problem.plan.subGoals.required}")
      @Size(max = 30, message = "{problem.plan.subGoals.tooMany}")
      List<@NotNull(message = "{problem.plan.subGoal.required}") @Valid SubGoal> subGoals) {
  }

  /** A step towards a goal. */
  public record SubGoal(
      @NotBlank(message = "{problem.plan.subGoal.title.required}")
      @Size(max = 500, message = "{problem.tooLong}") String title,
      @NotNull(message = "{problem.plan.subGoal.targetDate.required}")
      @Future(message = "{problem.afterToday}") LocalDate targetDate) {
  }
}
