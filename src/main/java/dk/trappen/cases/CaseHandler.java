package dk.trappen.cases;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import lombok.AllArgsConstructor;
import lombok.EqualsAndHashCode;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A staff member who has worked a task of the case; a second-opinion re-assessment must come from someone else. */
@Entity
@Table(name = "case_handler")
@Getter
@NoArgsConstructor
@AllArgsConstructor
public class CaseHandler {
  @EmbeddedId
  private Key id;

  @Embeddable
  @Getter
  @NoArgsConstructor
  @AllArgsConstructor
  @EqualsAndHashCode
  public static class Key implements Serializable {
    private Long caseId;
    private String username;
  }
}
