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
    @NotBlank(message = "must record the youth's own goals and wishes, in their own words")
    @Size(max = 4000, message = "must be at most 4000 characters") String youthOwnWords,
    @NotEmpty(message = "must have at least one goal")
    @Size(max = 30, message = "must have at most 30 goals") List<@NotNull(message = "must be a goal") @Valid Goal> goals) {

  /** A concrete goal. */
  public record Goal(
      @NotBlank(message = "must say what the goal is") @Size(max = 500, message = "must be at most 500 characters")
      String title,
      @NotBlank(message = "must say how everyone will know the goal is reached")
      @Size(max = 1000, message = "must be at most 1000 characters") String successCriterion,
      @NotBlank(message = "must name who is responsible for the goal")
      @Size(max = 200, message = "must be at most 200 characters") @PersonName String owner,
      @NotNull(message = "is required: the date the goal should be reached by")
      @Future(message = "must be after today") LocalDate targetDate,
      boolean youthOwn,
      @NotEmpty(message = "must have at least one sub-goal")
      @Size(max = 30, message = "must have at most 30 sub-goals")
      List<@NotNull(message = "must be a sub-goal") @Valid SubGoal> subGoals) {
  }

  /** A step towards a goal. */
  public record SubGoal(
      @NotBlank(message = "must say what the sub-goal is")
      @Size(max = 500, message = "must be at most 500 characters") String title,
      @NotNull(message = "is required: the date the sub-goal should be reached by")
      @Future(message = "must be after today") LocalDate targetDate) {
  }
}
