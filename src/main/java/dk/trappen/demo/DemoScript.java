package dk.trappen.demo;

import dk.trappen.intake.NotifierKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo history's script ({@link DemoHistory} plays it): each team's journeys with their shapes (how the case
 * ends, the first step, the moves at given meetings, stuck goals, a planned end passed), when each was received, the
 * notifiers and their concerns, and the names and words the youths use.
 */
final class DemoScript {

  private DemoScript() {
  }

  /** A move a network meeting decides. */
  enum Move { STEP_UP, STEP_DOWN, CLOSE_GOAL_REACHED, CLOSE_MOVED }

  /**
   * A journey's shape: how the acute assessment and the investigation end, the first step, the moves decided at
   * given meetings (1 = the first), whether the goals stand still, and whether the intervention runs past its
   * planned end. After the last move the interventions continue until now, meeting every 7 weeks or so.
   */
  enum Path {
    NO_ACTION(null, Map.of(), false, false),
    NO_INTERVENTION(null, Map.of(), false, false),
    EARLY_CLOSE("EARLY_HELP", Map.of(3, Move.CLOSE_GOAL_REACHED), false, false),
    EARLY_RUNNING("EARLY_HELP", Map.of(), false, false),
    PREVENTIVE_DOWN_CLOSE("PREVENTIVE", Map.of(3, Move.STEP_DOWN, 5, Move.CLOSE_GOAL_REACHED), false, false),
    PREVENTIVE_UP("PREVENTIVE", Map.of(2, Move.STEP_UP), false, false),
    PREVENTIVE_STUCK("PREVENTIVE", Map.of(), true, false),
    HOME_RUNNING("HOME_BASED", Map.of(), false, false),
    HOME_LATE("HOME_BASED", Map.of(), false, true),
    HOME_DOWN("HOME_BASED", Map.of(4, Move.STEP_DOWN), false, false),
    HOME_UP_KIN("HOME_BASED", Map.of(3, Move.STEP_UP), false, false),
    HOME_STUCK_LATE("HOME_BASED", Map.of(), true, true),
    KIN_DOWN("KIN_PLACEMENT", Map.of(4, Move.STEP_DOWN), false, false),
    KIN_DOWN_CLOSE("KIN_PLACEMENT", Map.of(3, Move.STEP_DOWN, 6, Move.CLOSE_GOAL_REACHED), false, false),
    FOSTER_RUNNING("FOSTER_FAMILY", Map.of(), false, false),
    FOSTER_CLOSE("FOSTER_FAMILY", Map.of(4, Move.CLOSE_MOVED), false, false),
    INSTITUTION_DOWN("INSTITUTION", Map.of(3, Move.STEP_DOWN), false, false),
    INSTITUTION_LATE("INSTITUTION", Map.of(), false, true);

    final String firstStep;
    final Map<Integer, Move> moves;
    final boolean stuck;
    final boolean late;

    Path(String firstStep, Map<Integer, Move> moves, boolean stuck, boolean late) {
      this.firstStep = firstStep;
      this.moves = moves;
      this.stuck = stuck;
      this.late = late;
    }
  }

  /**
   * Each team's journeys, the oldest first: the oldest run long, so that the first months of the year have meetings
   * too. Journey {@code i} was received {@link #receivedDaysAgo(int)} days before now.
   */
  static final Map<String, List<Path>> JOURNEYS = new LinkedHashMap<>();

  static {
    JOURNEYS.put("nord", List.of(Path.FOSTER_RUNNING, Path.HOME_LATE, Path.INSTITUTION_DOWN, Path.KIN_DOWN_CLOSE,
        Path.PREVENTIVE_DOWN_CLOSE, Path.HOME_UP_KIN, Path.EARLY_CLOSE, Path.NO_ACTION, Path.PREVENTIVE_STUCK,
        Path.FOSTER_CLOSE, Path.HOME_DOWN, Path.PREVENTIVE_UP, Path.INSTITUTION_LATE, Path.NO_INTERVENTION,
        Path.EARLY_CLOSE, Path.KIN_DOWN, Path.HOME_RUNNING, Path.HOME_STUCK_LATE, Path.EARLY_RUNNING,
        Path.NO_ACTION, Path.FOSTER_RUNNING, Path.PREVENTIVE_UP, Path.HOME_RUNNING, Path.EARLY_RUNNING,
        Path.NO_ACTION, Path.NO_ACTION));
    JOURNEYS.put("syd", List.of(Path.INSTITUTION_LATE, Path.KIN_DOWN, Path.HOME_STUCK_LATE, Path.FOSTER_CLOSE,
        Path.HOME_UP_KIN, Path.PREVENTIVE_DOWN_CLOSE, Path.NO_INTERVENTION, Path.INSTITUTION_DOWN, Path.EARLY_CLOSE,
        Path.HOME_LATE, Path.PREVENTIVE_STUCK, Path.NO_ACTION, Path.KIN_DOWN_CLOSE, Path.FOSTER_RUNNING,
        Path.HOME_DOWN, Path.PREVENTIVE_UP, Path.EARLY_CLOSE, Path.HOME_RUNNING, Path.NO_ACTION, Path.KIN_DOWN,
        Path.EARLY_RUNNING, Path.HOME_RUNNING, Path.PREVENTIVE_STUCK, Path.EARLY_RUNNING, Path.NO_ACTION,
        Path.NO_ACTION));
  }

  /** The share of meetings where the youth answers 4 or 5 (before the stuck cases pull it down a little). */
  static final Map<String, Double> SATISFIED = Map.of("nord", 0.86, "syd", 0.76);

  static final NotifierKind[] NOTIFIERS = {NotifierKind.SCHOOL, NotifierKind.POLICE, NotifierKind.HEALTH,
      NotifierKind.DAYCARE, NotifierKind.RELATIVE, NotifierKind.SCHOOL, NotifierKind.ANONYMOUS, NotifierKind.HEALTH,
      NotifierKind.NEIGHBOUR, NotifierKind.SOCIAL_SERVICES, NotifierKind.CHILD_OR_YOUTH, NotifierKind.POLICE};
  static final Map<NotifierKind, String[]> CONCERNS = Map.of(
      NotifierKind.SCHOOL, new String[] {"Skolen", "Stort fravær og trækker sig fra kammeraterne."},
      NotifierKind.POLICE, new String[] {"Politiet", "Politiet har været kaldt til uro i hjemmet om natten."},
      NotifierKind.HEALTH, new String[] {"Sundhedsplejen", "Barnet tager ikke på og virker trist og træt."},
      NotifierKind.DAYCARE, new String[] {"Fritidsklubben", "Barnet bliver ofte ikke hentet og er sulten."},
      NotifierKind.SOCIAL_SERVICES, new String[] {"Jobcentret", "Forælderen fortæller om store problemer derhjemme."},
      NotifierKind.RELATIVE, new String[] {null, "Bedstemor er bekymret: forældrene drikker, barnet passes ikke."},
      NotifierKind.ANONYMOUS, new String[] {null, "Anonym henvendelse: råb og gråd fra lejligheden flere aftener."},
      NotifierKind.NEIGHBOUR, new String[] {null, "Naboen ser barnet alene ude sent om aftenen."},
      NotifierKind.CHILD_OR_YOUTH, new String[] {null, "Den unge ringer selv: tør ikke tage hjem efter skole."});
  static final String[] FIRST_NAMES = {"Malthe", "Liva", "Viktor", "Agnes", "Bertram", "Josefine", "Elias",
      "Olivia", "August", "Alberte", "Magnus", "Asta", "Frederik", "Ellen", "Anton", "Karla", "Theo", "Lærke",
      "Mikkel", "Luna", "Storm", "Nora", "Johan", "Silje"};
  static final String[] LAST_NAMES = {"Holm", "Kristensen", "Thomsen", "Poulsen", "Johansen", "Knudsen",
      "Mortensen", "Møller", "Jakobsen", "Lund", "Berg", "Dam", "Bach", "Vestergaard"};
  static final String[] GLAD = {"Jeg vil gerne bo hjemme igen.", "Det går bedre i skolen nu.",
      "Jeg har fået en ven i klassen.", "Jeg er glad for min kontaktperson.", "Jeg sover bedre nu.",
      "Jeg vil gerne blive ved med fodbold.", "Der er mindre råberi derhjemme.", "Jeg kommer i skole hver dag nu.",
      "Det er rart at have en voksen at snakke med.", "Jeg må gerne være med til at bestemme mere nu."};
  static final String[] SAD = {"Jeg savner min mor.", "Jeg føler ikke, at I hører efter.",
      "Det er stadig svært i skolen.", "Jeg vil ikke flytte igen.", "Der er for mange møder.",
      "Jeg ved ikke, hvad der skal ske med mig.", "Jeg vil gerne bo hjemme igen."};
  static final String[] PLACEMENT_GLAD = {"Jeg kan godt lide at bo her.", "Min plejefamilie er søde ved mig.",
      "Jeg vil gerne se min lillebror noget mere."};

  /**
   * Days before now the team's journey {@code i} (of 26, the oldest first) was received: 480 to 80 days, then two
   * notifications of the last two months that needed no investigation (50 and 26 days), so that every month has
   * notifications.
   */
  static int receivedDaysAgo(int i) {
    int[] oldest = {480, 466, 452, 440};
    if (i < oldest.length) {
      return oldest[i];
    }
    return i < 24 ? 440 - (i - 3) * 378 / 21 : i == 24 ? 50 : 26;
  }

  static String description(String stepKey) {
    return switch (stepKey) {
      case "EARLY_HELP" -> "Støtte fra skolens AKT-team og sundhedsplejen.";
      case "PREVENTIVE" -> "Familierådgivning hver 14. dag og en kontaktperson.";
      case "HOME_BASED" -> "Familiebehandling i hjemmet to gange om ugen.";
      case "KIN_PLACEMENT" -> "Anbringelse hos moster og hendes mand.";
      case "FOSTER_FAMILY" -> "Anbringelse i en plejefamilie tæt på skolen.";
      case "INSTITUTION" -> "Anbringelse på en døgninstitution med skoletilbud.";
      default -> "Indsats efter netværksmødets beslutning.";
    };
  }

  /** The investigation's findings for a journey whose first step is a placement, with kin, or none at all. */
  static Map<String, Object> investigation(boolean placement, boolean kin, boolean noIntervention) {
    Map<String, Object> findings = new LinkedHashMap<>();
    findings.put("findings", placement
        ? "Barnet kan ikke bo hjemme lige nu; slægt, netværk og skole er inddraget i undersøgelsen."
        : "Barnets ressourcer og behov er afdækket med skole, forældre og barnet selv.");
    findings.put("youthPerspective", placement ? "Jeg vil helst bo et sted, hvor der er ro."
        : "Jeg vil gerne blive boende hjemme.");
    findings.put("riskLevel", placement ? "HIGH" : noIntervention ? "LOW" : "MODERATE");
    findings.put("safeAtHome", !placement);
    findings.put("kinOrNetworkPossible", kin);
    findings.put("youthWish", kin ? "KIN_OR_NETWORK" : placement ? "NO_WISH" : "STAY_HOME");
    findings.put("outcome", noIntervention ? "NO_INTERVENTION" : "INTERVENTION");
    return findings;
  }

  /** The action plan written on {@code day}: two goals with a sub-goal each, in one of two youths' own words. */
  static Map<String, Object> actionPlan(LocalDate day, boolean school) {
    return Map.of("youthOwnWords", school ? "Jeg vil gerne i skole hver dag og have en ven."
            : "Jeg vil have ro derhjemme og nogen at snakke med.",
        "goals", List.of(
            Map.of("title", "Stabilt skolefremmøde", "successCriterion", "Fremmøde over 90 %",
                "owner", "Skolen og forældrene", "targetDate", day.plusDays(180).toString(), "youthOwn", true,
                "subGoals", List.of(Map.of("title", "Fast morgenrutine", "targetDate",
                    day.plusDays(45).toString()))),
            Map.of("title", "Trivsel og fritid", "successCriterion", "Går til en fritidsaktivitet hver uge",
                "owner", "Barnet og kontaktpersonen", "targetDate", day.plusDays(240).toString(),
                "youthOwn", false, "subGoals", List.of(Map.of("title", "Prøve to klubber", "targetDate",
                    day.plusDays(60).toString())))));
  }

  /** Who sat at a network meeting: the youth, a parent, the school or the placement, and the caseworker. */
  static List<Map<String, Object>> participants(String youth, String parent, boolean placement, String caseworker) {
    List<Map<String, Object>> people = new ArrayList<>();
    people.add(Map.of("role", "YOUTH", "name", youth));
    people.add(Map.of("role", "PARENT", "name", parent));
    people.add(placement ? Map.of("role", "INSTITUTION", "name", "Plejefamilie eller institution")
        : Map.of("role", "SCHOOL", "name", "Klasselærer"));
    people.add(Map.of("role", "CASEWORKER", "name", caseworker));
    return people;
  }

  /** The youth's own words at a meeting they scored {@code satisfaction}. */
  static String voice(int satisfaction, boolean placement, Random random) {
    if (satisfaction <= 3) {
      return SAD[random.nextInt(SAD.length)];
    }
    return placement && random.nextBoolean() ? PLACEMENT_GLAD[random.nextInt(PLACEMENT_GLAD.length)]
        : GLAD[random.nextInt(GLAD.length)];
  }

  /** The youth's score at a meeting (1 to 5): 4 or 5 as often as the team's share, less on a stuck case. */
  static int satisfaction(String team, boolean stuck, Random random) {
    double satisfied = SATISFIED.get(team) - (stuck ? 0.35 : 0);
    if (random.nextDouble() < satisfied) {
      return random.nextInt(100) < 45 ? 5 : 4;
    }
    int low = random.nextInt(100);
    return low < 55 ? 3 : low < 85 ? 2 : 1;
  }
}
