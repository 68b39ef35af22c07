package dk.trappen.plan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** A concrete goal of a plan: what success looks like, who owns it, by when, and its sub-goals. */
@Entity
@Table(name = "plan_goal")
@Getter
@Setter
public class PlanGoal {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "plan_id")
  private ActionPlan plan;
  private int position;
  private String title;
  private String successCriterion;
  private String owner;
  private LocalDate targetDate;
  private boolean youthOwn;
  @OneToMany(mappedBy = "goal", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<PlanSubGoal> subGoals = new ArrayList<>();
}
