package dk.trappen.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** One version of a case's action plan or youth plan. The latest version is the current plan. */
@Entity
@Table(name = "action_plan")
@Getter
@Setter
public class ActionPlan {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private boolean youthPlan;
  private String youthOwnWords;
  private Instant createdAt;
  private String createdBy;
  @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<PlanGoal> goals = new ArrayList<>();
}
