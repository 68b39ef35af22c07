package dk.trappen.parties;

import dk.trappen.common.ControlCharacters;
import dk.trappen.common.CprNumber;
import dk.trappen.common.Problem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules of a party and of a consent, every problem at once, for the API and the case page alike. A party: a role
 * of {@link PartyRole}; a name (at most {@value #MAX_NAME} characters, no control or bidirectional characters); a CPR
 * number of 10 digits beginning with a date, if given; an address, phone number and e-mail address of a valid form, if
 * given. A consent: a party of the same case; to what (at most {@value #MAX_TEXT} characters); given or withdrawn;
 * when, not in the future by the application clock; how it is documented, with an optional note.
 */
@Component
public class PartyPolicy {

  public static final int MAX_NAME = 200;
  public static final int MAX_ADDRESS = 500;
  public static final int MAX_PHONE = 40;
  public static final int MAX_EMAIL = 254;
  public static final int MAX_TEXT = 2000;

  private static final Pattern CPR = Pattern.compile("\\d{10}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{3,40}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

  private final Clock clock;

  PartyPolicy(Clock clock) {
    this.clock = clock;
  }

  /** Every problem of a new party; empty when it may be stored. */
  public List<Problem> problems(NewParty p) {
    List<Problem> problems = new ArrayList<>();
    if (p.role() == null || p.role().isBlank()) {
      problems.add(Problem.of("role", "problem.party.role.required"));
    } else if (PartyRole.named(p.role()).isEmpty()) {
      problems.add(Problem.of("role", "problem.party.role.unknown", p.role(), Arrays.toString(PartyRole.values())));
    }
    if (p.name() == null || p.name().isBlank()) {
      problems.add(Problem.of("name", "problem.required"));
    } else {
      text("name", p.name(), MAX_NAME, problems);
      if (ControlCharacters.bidiPresent(p.name())) {
        problems.add(Problem.of("name", ControlCharacters.BIDI_PROBLEM));
      }
    }
    if (present(p.cpr())) {
      String cpr = p.cpr().strip();
      if (!CPR.matcher(cpr).matches()) {
        problems.add(Problem.of("cpr", "problem.party.cprFormat"));
      } else if (CprNumber.birthDate(cpr) == null) {
        problems.add(Problem.of("cpr", "problem.party.cprDate"));
      }
    }
    if (present(p.address())) {
      text("address", p.address(), MAX_ADDRESS, problems);
    }
    if (present(p.phone()) && !PHONE.matcher(p.phone().strip()).matches()) {
      problems.add(Problem.of("phone", "problem.party.phone"));
    }
    if (present(p.email())) {
      String email = p.email().strip();
      if (email.length() > MAX_EMAIL) {
        problems.add(Problem.of("email", "problem.tooLong", MAX_EMAIL));
      } else if (!EMAIL.matcher(email).matches()) {
        problems.add(Problem.of("email", "problem.party.email"));
      }
    }
    return problems;
  }

  /** Every problem of a new consent on a case whose parties are {@code partiesOfCase}; empty when it may be stored. */
  public List<Problem> problems(NewConsent c, Set<Long> partiesOfCase) {
    List<Problem> problems = new ArrayList<>();
    if (c.partyId() == null) {
      problems.add(Problem.of("partyId", "problem.consent.partyId.required"));
    } else if (!partiesOfCase.contains(c.partyId())) {
      problems.add(Problem.of("partyId", "problem.consent.partyId.notOnCase", c.partyId()));
    }
    if (c.purpose() == null || c.purpose().isBlank()) {
      problems.add(Problem.of("purpose", "problem.consent.purpose.required"));
    } else {
      text("purpose", c.purpose(), MAX_TEXT, problems);
    }
    if (c.state() == null || c.state().isBlank()) {
      problems.add(Problem.of("state", "problem.consent.state.required"));
    } else if (ConsentState.named(c.state()).isEmpty()) {
      problems.add(Problem.of("state", "problem.consent.state.unknown", c.state(),
          Arrays.toString(ConsentState.values())));
    }
    if (c.happenedAt() == null) {
      problems.add(Problem.of("happenedAt", "problem.consent.happenedAt.required"));
    } else if (c.happenedAt().isAfter(clock.instant())) {
      problems.add(Problem.of("happenedAt", "problem.notFuture"));
    }
    if (c.documentation() == null || c.documentation().isBlank()) {
      problems.add(Problem.of("documentation", "problem.consent.documentation.required"));
    } else if (ConsentDocumentation.named(c.documentation()).isEmpty()) {
      problems.add(Problem.of("documentation", "problem.consent.documentation.unknown", c.documentation(),
          Arrays.toString(ConsentDocumentation.values())));
    }
    if (present(c.note())) {
      text("note", c.note(), MAX_TEXT, problems);
    }
    return problems;
  }

  static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static void text(String field, String value, int max, List<Problem> problems) {
    if (value.strip().length() > max) {
      problems.add(Problem.of(field, "problem.tooLong", max));
    }
    if (ControlCharacters.present(value)) {
      problems.add(Problem.of(field, ControlCharacters.PROBLEM));
    }
  }
}
