package dk.trappen.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;

@Entity
@Table(name = "child")
@Getter
@Setter
public class Child {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String cpr;
  private String firstName;
  private String lastName;
  private LocalDate birthDate;

  /** The CPR number with the serial part masked, for lists and logs. */
  public String maskedCpr() {
    return cpr.substring(0, 6) + "-xxxx";
  }
}
