package dk.trappen.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The corpus of hostile and broken inputs: each entry is a named mutation of a valid request to one endpoint or form,
 * with what the application must do with it. Valid bases are built fresh for every request (a new child's CPR number,
 * "now"), so the entries are data about what to change, not fixed bodies.
 */
final class BadInputCorpus {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Where an entry is sent. */
  enum Target {
    NOTIFICATION_API("POST /api/notifications"),
    TASK_API("POST /api/tasks/{id}/complete"),
    CONCERN_API("POST /api/cases/{n}/concerns"),
    INTAKE_PAGE("POST /intake"),
    TASK_PAGE("POST /tasks/{id}"),
    CONCERN_PAGE("POST /cases/{n}/concerns");

    final String label;

    Target(String label) {
      this.label = label;
    }

    boolean page() {
      return this == INTAKE_PAGE || this == TASK_PAGE || this == CONCERN_PAGE;
    }
  }

  /** What the application must answer. */
  enum Outcome {
    /** 400 naming at least the listed fields (any field when none are listed); nothing stored. */
    REJECT,
    /** accepted (201/204/302); every text comes back escaped on the case page. */
    ACCEPT,
    /** 413 from the body-size filter (API only); nothing stored. */
    TOO_LARGE,
    /** either accepted (and escaped) or rejected naming a field with nothing stored; never 5xx. */
    EITHER
  }

  /**
   * One corpus entry. {@code json} rewrites the valid JSON body (API targets; a {@link Raw} replaces it outright);
   * {@code form} rewrites the valid form parameters (page targets).
   */
  record Entry(String name, Target target, String kind, UnaryOperator<JsonNode> json,
      UnaryOperator<Map<String, String>> form, Outcome outcome, Set<String> fields) {

    String displayName() {
      String where = target.label + (kind == null ? "" : " (" + kind + ")");
      String what = switch (outcome) {
        case REJECT -> "is refused" + (fields.isEmpty() ? "" : " naming " + String.join(", ", fields))
            + " and nothing is stored";
        case ACCEPT -> "is accepted and comes back escaped";
        case TOO_LARGE -> "is refused with 413 before it is read";
        case EITHER -> "is either accepted and escaped, or refused naming a field; never a server error";
      };
      return where + ": " + name + " " + what;
    }
  }

  /** A JSON body that replaces the valid one as it is (invalid JSON, empty body, ...). */
  static final class Raw extends com.fasterxml.jackson.databind.node.TextNode {
    Raw(String v) {
      super(v);
    }
  }

  // ---- hostile values -------------------------------------------------------------------------------------------

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "<img src=x onerror=alert(1)>";
  static final String MEGABYTE = "A".repeat(1024 * 1024);
  static final String RTL = "Ali\u202Ece\u202C gnp.exe";
  static final String ZWJ = "👨\u200D👩\u200D👧 fam\u200Dilie";
  static final String COMBINING = "Zalgo Z\u0351\u0344\u0353a\u0303\u0310l\u036Bg\u0344o\u0301";
  static final String EMOJI_SKIN = "Sofie 👍🏽👩🏿‍🦱";
  static final String NUL = "før\u0000efter";
  /** An ANSI colour code: ESC (U+001B), a C0 control character other than NUL. */
  static final String ESCAPE = "\u001B[31mrød\u001B[0m";
  /** Tab, line feed and carriage return: the only control characters text may hold. */
  static final String WHITESPACE_CONTROLS = "linje 1\r\nlinje 2\n\tindrykket";
  static final String LONE_SURROGATE = "halv \ud800 surrogat";
  static final String LONG_GRAPHEME = "e" + "\u0301".repeat(5000);
  /** Each Unicode bidirectional control, which names refuse: U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069. */
  static final List<Character> BIDI_CONTROLS = List.of('\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C',
      '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069');
  /** Arabic with a right-to-left mark between it and Danish: bidirectional marks that free text may hold. */
  static final String ARABIC_WITH_MARK = "Moren sagde: \u200F\u0623\u0646\u0627 \u0642\u0644\u0642\u0629\u200F (jeg er bekymret).";

  /** The fields that hold a person's name, as JSON paths: they refuse bidirectional controls. */
  static final Set<String> NAME_FIELDS = Set.of("child.firstName", "child.lastName", "notifierName",
      "participants[0].name", "goals[0].owner");

  /** The free-text fields of each target and kind, as JSON paths. */
  static final Map<String, List<String>> TEXT_FIELDS = Map.of(
      "notification", List.of("child.firstName", "child.lastName", "notifierOrganisation", "notifierName", "concern"),
      "acute-assessment", List.of("note"),
      "investigation", List.of("findings", "youthPerspective"),
      "choose-step", List.of("description", "justification"),
      "action-plan", List.of("youthOwnWords", "goals[0].title", "goals[0].successCriterion", "goals[0].owner",
          "goals[0].subGoals[0].title"),
      "network-meeting", List.of("participants[0].name", "youthVoice", "decisionNote"),
      "follow-up", List.of("conclusion"),
      "concern", List.of("description"));

  /** The intake page's field of each JSON path of a notification. */
  static final Map<String, String> INTAKE_FIELD = Map.of("child.cpr", "cpr", "child.firstName", "firstName",
      "child.lastName", "lastName", "child.birthDate", "birthDate", "notifierKind", "notifierKind",
      "notifierOrganisation", "notifierOrganisation", "notifierName", "notifierName", "concern", "concern",
      "receivedAt", "receivedAt", "team", "team");

  static final List<String> TASK_KINDS = List.of("acute-assessment", "investigation", "choose-step", "action-plan",
      "network-meeting", "follow-up");

  private final List<Entry> entries = new ArrayList<>();

  static List<Entry> build() {
    BadInputCorpus c = new BadInputCorpus();
    c.notifications();
    c.intakePage();
    for (String kind : TASK_KINDS) {
      c.task(kind);
    }
    c.concerns();
    c.bidiInNames();
    return c.entries;
  }

  // ---- POST /api/notifications -----------------------------------------------------------------------------------

  private void notifications() {
    Target t = Target.NOTIFICATION_API;
    api(t, null, "a 9-digit CPR number", set("child.cpr", "010212432"), Outcome.REJECT, "child.cpr");
    api(t, null, "an 11-digit CPR number", set("child.cpr", "01021243210"), Outcome.REJECT, "child.cpr");
    api(t, null, "a CPR number with letters", set("child.cpr", "01021A4321"), Outcome.REJECT, "child.cpr");
    api(t, null, "the impossible CPR date 31 February", j -> put(put(j, "child.cpr", "3102997123"),
        "child.birthDate", "2012-02-01"), Outcome.REJECT, "child.cpr");
    api(t, null, "the CPR number 000000-0000", set("child.cpr", "000000-0000"), Outcome.REJECT, "child.cpr");
    api(t, null, "the CPR number 0000000000", set("child.cpr", "0000000000"), Outcome.REJECT, "child.cpr");
    api(t, null, "a CPR number that does not match the birth date", set("child.birthDate", "2012-02-02"),
        Outcome.REJECT, "child.cpr");
    api(t, null, "a birth date in the future", j -> put(put(j, "child.cpr", "0101287123"), "child.birthDate",
        "2028-01-01"), Outcome.REJECT, "child.birthDate");
    api(t, null, "a receivedAt in the future", set("receivedAt", "2027-03-09T08:00:00Z"), Outcome.REJECT,
        "receivedAt");
    api(t, null, "a receivedAt before the child's birth", set("receivedAt", "2009-12-31T08:00:00Z"),
        Outcome.REJECT, "child.birthDate");
    api(t, null, "a receivedAt that is not a time", set("receivedAt", "yesterday"), Outcome.REJECT, "receivedAt");
    api(t, null, "a birth date that is not a date", set("child.birthDate", "31-02-2012"), Outcome.REJECT,
        "child.birthDate");
    api(t, null, "a 1 MB concern", set("concern", MEGABYTE), Outcome.TOO_LARGE);
    api(t, null, "a 1 MB first name", set("child.firstName", MEGABYTE), Outcome.TOO_LARGE);
    api(t, null, "a 201-character first name", set("child.firstName", "x".repeat(201)), Outcome.REJECT,
        "child.firstName");
    api(t, null, "a very long single grapheme as the first name", set("child.firstName", LONG_GRAPHEME),
        Outcome.REJECT, "child.firstName");
    api(t, null, "a script in every text field", allText("notification", SCRIPT), Outcome.ACCEPT);
    api(t, null, "an img onerror in every text field", allText("notification", IMG), Outcome.ACCEPT);
    api(t, null, "a script as the team", set("team", SCRIPT), Outcome.REJECT, "team");
    unicode(t, null, "notification");
    api(t, null, "an escape character (U+001B) in the concern", set("concern", ESCAPE), Outcome.REJECT, "concern");
    api(t, null, "tab, line feed and carriage return in the concern", set("concern", WHITESPACE_CONTROLS),
        Outcome.ACCEPT);
    api(t, null, "a very long single grapheme as the concern", set("concern", LONG_GRAPHEME), Outcome.EITHER);
    api(t, null, "a string for the child object", set("child", "Alfred"), Outcome.REJECT, "child");
    api(t, null, "an array for the child object", set("child", JSON.createArrayNode()), Outcome.REJECT, "child");
    api(t, null, "an object for the concern text", set("concern", JSON.createObjectNode().put("a", 1)),
        Outcome.REJECT, "concern");
    api(t, null, "an array for the concern text", set("concern", JSON.createArrayNode().add("a")), Outcome.REJECT,
        "concern");
    api(t, null, "a number for the first name", set("child.firstName", 42), Outcome.EITHER);
    api(t, null, "a boolean for the CPR number", set("child.cpr", true), Outcome.REJECT, "child.cpr");
    api(t, null, "a number for the notifier kind", set("notifierKind", 3), Outcome.EITHER);
    api(t, null, "a number for receivedAt", set("receivedAt", 1234567890), Outcome.EITHER);
    api(t, null, "an array for the whole body", raw("[]"), Outcome.REJECT, "body");
    api(t, null, "no child", remove("child"), Outcome.REJECT, "child");
    api(t, null, "no CPR number", remove("child.cpr"), Outcome.REJECT, "child.cpr");
    api(t, null, "no concern", remove("concern"), Outcome.REJECT, "concern");
    api(t, null, "no receivedAt", remove("receivedAt"), Outcome.REJECT, "receivedAt");
    api(t, null, "null for the child", set("child", null), Outcome.REJECT, "child");
    api(t, null, "null for the notifier kind", set("notifierKind", null), Outcome.REJECT, "notifierKind");
    api(t, null, "null for the birth date", set("child.birthDate", null), Outcome.REJECT, "child.birthDate");
    api(t, null, "a blank concern", set("concern", "   "), Outcome.REJECT, "concern");
    api(t, null, "the unknown notifier kind ALIEN", set("notifierKind", "ALIEN"), Outcome.REJECT, "notifierKind");
    api(t, null, "a notifier kind in lower case", set("notifierKind", "school"), Outcome.REJECT, "notifierKind");
    api(t, null, "an unknown team", set("team", "mars"), Outcome.REJECT, "team");
    api(t, null, "an extra unknown field", set("isAdmin", true), Outcome.EITHER);
    api(t, null, "an extra unknown field in the child", set("child.caseworker", "admin"), Outcome.EITHER);
    api(t, null, "an empty body", raw(""), Outcome.REJECT, "body");
    api(t, null, "an empty object", raw("{}"), Outcome.REJECT, "child", "notifierKind", "concern", "receivedAt");
    api(t, null, "invalid JSON (cut off)", raw("{\"child\": {\"cpr\": "), Outcome.REJECT, "body");
    api(t, null, "invalid JSON (single quotes)", raw("{'concern': 'x'}"), Outcome.REJECT, "body");
    api(t, null, "JSON null", raw("null"), Outcome.REJECT);
    api(t, null, "a raw NUL byte in the JSON", raw("{\"concern\": \"a\u0000b\"}"), Outcome.REJECT);
  }

  // ---- POST /intake ----------------------------------------------------------------------------------------------

  private void intakePage() {
    Target t = Target.INTAKE_PAGE;
    page(t, null, "a 9-digit CPR number", param("cpr", "010212432"), Outcome.REJECT, "cpr");
    page(t, null, "an 11-digit CPR number", param("cpr", "01021243210"), Outcome.REJECT, "cpr");
    page(t, null, "a CPR number with letters", param("cpr", "01021A4321"), Outcome.REJECT, "cpr");
    page(t, null, "the impossible CPR date 31 February", param("cpr", "3102997123"), Outcome.REJECT, "cpr");
    page(t, null, "the CPR number 000000-0000", param("cpr", "000000-0000"), Outcome.REJECT, "cpr");
    page(t, null, "a CPR number that does not match the birth date", param("birthDate", "2012-02-02"),
        Outcome.REJECT, "cpr");
    page(t, null, "a birth date in the future", f -> {
      f.put("cpr", "0101287123");
      f.put("birthDate", "2028-01-01");
      return f;
    }, Outcome.REJECT, "birthDate");
    page(t, null, "a birth date that is not a date", param("birthDate", "31.02.2012"), Outcome.REJECT,
        "birthDate");
    page(t, null, "a receivedAt in the future", param("receivedAt", "2027-03-09T09:00"), Outcome.REJECT,
        "receivedAt");
    page(t, null, "a receivedAt before the child's birth", param("receivedAt", "2009-12-31T09:00"),
        Outcome.REJECT, "birthDate");
    page(t, null, "a receivedAt that is not a time", param("receivedAt", "i går"), Outcome.REJECT, "receivedAt");
    page(t, null, "the unknown notifier kind ALIEN", param("notifierKind", "ALIEN"), Outcome.REJECT,
        "notifierKind");
    page(t, null, "an unknown team", param("team", "mars"), Outcome.REJECT, "team");
    page(t, null, "a 1 MB concern", param("concern", MEGABYTE), Outcome.REJECT, "concern");
    page(t, null, "a 1 MB first name", param("firstName", MEGABYTE), Outcome.REJECT, "firstName");
    page(t, null, "a very long single grapheme as the last name", param("lastName", LONG_GRAPHEME),
        Outcome.REJECT, "lastName");
    page(t, null, "a script in every text field", allParams("notification", SCRIPT), Outcome.ACCEPT);
    page(t, null, "an img onerror in every text field", allParams("notification", IMG), Outcome.ACCEPT);
    page(t, null, "a script in the CPR field", param("cpr", SCRIPT), Outcome.REJECT, "cpr");
    page(t, null, "a script as the team", param("team", SCRIPT), Outcome.REJECT, "team");
    page(t, null, "a script as the notifier kind", param("notifierKind", IMG), Outcome.REJECT, "notifierKind");
    for (var u : unicodeValues().entrySet()) {
      page(t, null, u.getKey() + " in every text field", allParams("notification", u.getValue()), Outcome.EITHER);
    }
    page(t, null, "a NUL character in every text field", allParams("notification", NUL), Outcome.REJECT,
        "firstName", "lastName", "notifierOrganisation", "notifierName", "concern");
    page(t, null, "a NUL character in the CPR number", param("cpr", "010212\u00004321"), Outcome.REJECT, "cpr");
    page(t, null, "an escape character (U+001B) in the concern", param("concern", ESCAPE), Outcome.REJECT,
        "concern");
    page(t, null, "tab, line feed and carriage return in the concern", param("concern", WHITESPACE_CONTROLS),
        Outcome.ACCEPT);
    page(t, null, "every field missing", f -> new LinkedHashMap<>(), Outcome.REJECT, "cpr", "firstName",
        "lastName", "birthDate", "notifierKind", "concern");
    page(t, null, "every field blank", f -> {
      f.replaceAll((k, v) -> "   ");
      return f;
    }, Outcome.REJECT, "cpr", "firstName", "lastName", "birthDate", "notifierKind", "concern");
    page(t, null, "extra unknown fields", f -> {
      f.put("caseworker", "admin");
      f.put("child.cpr", "0000000000");
      return f;
    }, Outcome.EITHER);
  }

  // ---- tasks -----------------------------------------------------------------------------------------------------

  private void task(String kind) {
    api(Target.TASK_API, kind, "a script in every text field", allText(kind, SCRIPT), Outcome.ACCEPT);
    api(Target.TASK_API, kind, "an img onerror in every text field", allText(kind, IMG), Outcome.ACCEPT);
    page(Target.TASK_PAGE, kind, "a script in every text field", allParams(kind, SCRIPT), Outcome.ACCEPT);
    page(Target.TASK_PAGE, kind, "an img onerror in every text field", allParams(kind, IMG), Outcome.ACCEPT);
    String first = TEXT_FIELDS.get(kind).get(0);
    api(Target.TASK_API, kind, "a 1 MB text", set(first, MEGABYTE), Outcome.TOO_LARGE);
    page(Target.TASK_PAGE, kind, "a 1 MB text", param(first, MEGABYTE), Outcome.REJECT, first);
    api(Target.TASK_API, kind, "an empty body", raw(""), Outcome.REJECT);
    api(Target.TASK_API, kind, "an empty object", raw("{}"), Outcome.REJECT);
    api(Target.TASK_API, kind, "an array for the whole body", raw("[1, 2]"), Outcome.REJECT, "body");
    api(Target.TASK_API, kind, "invalid JSON", raw("{\"note\": \"x\", }}"), Outcome.REJECT, "body");
    api(Target.TASK_API, kind, "an extra unknown field", set("approvedBy", "admin"), Outcome.EITHER);
    api(Target.TASK_API, kind, "an object for a text field", set(first, JSON.createObjectNode().put("x", 1)),
        Outcome.REJECT, first);
    api(Target.TASK_API, kind, "null for a required text field", set(first, null), Outcome.REJECT, first);
    page(Target.TASK_PAGE, kind, "every field missing", f -> new LinkedHashMap<>(), Outcome.REJECT);
    page(Target.TASK_PAGE, kind, "a blank text field", param(first, "  "), Outcome.REJECT, first);
    unicodeOnce(kind, first);
    for (String field : TEXT_FIELDS.get(kind)) {
      api(Target.TASK_API, kind, "a NUL character in " + field, set(field, NUL), Outcome.REJECT, field);
    }
    page(Target.TASK_PAGE, kind, "a NUL character in every text field", allParams(kind, NUL), Outcome.REJECT,
        TEXT_FIELDS.get(kind).toArray(String[]::new));
    switch (kind) {
      case "acute-assessment" -> {
        api(Target.TASK_API, kind, "the unknown outcome MAYBE", set("outcome", "MAYBE"), Outcome.REJECT, "outcome");
        api(Target.TASK_API, kind, "the unknown risk level EXTREME", set("riskLevel", "EXTREME"), Outcome.REJECT,
            "riskLevel");
        api(Target.TASK_API, kind, "acute measures without their facts", set("outcome", "ACUTE_MEASURES"),
            Outcome.REJECT, "riskLevel");
        api(Target.TASK_API, kind, "a string for a boolean", set("safeAtHome", "måske"), Outcome.REJECT,
            "safeAtHome");
        api(Target.TASK_API, kind, "an array for the outcome", set("outcome", JSON.createArrayNode().add("X")),
            Outcome.REJECT, "outcome");
        page(Target.TASK_PAGE, kind, "the unknown outcome MAYBE", param("outcome", "MAYBE"), Outcome.REJECT,
            "outcome");
        page(Target.TASK_PAGE, kind, "a script as the outcome", param("outcome", SCRIPT), Outcome.REJECT,
            "outcome");
      }
      case "investigation" -> {
        api(Target.TASK_API, kind, "the unknown risk level EXTREME", set("riskLevel", "EXTREME"), Outcome.REJECT,
            "riskLevel");
        api(Target.TASK_API, kind, "a string for a boolean", set("safeAtHome", "yes"), Outcome.REJECT,
            "safeAtHome");
        api(Target.TASK_API, kind, "a number for a boolean", set("safeAtHome", 2), Outcome.EITHER);
        api(Target.TASK_API, kind, "an array for an enum", set("youthWish", JSON.createArrayNode().add("STAY_HOME")),
            Outcome.REJECT, "youthWish");
        api(Target.TASK_API, kind, "null for the outcome", set("outcome", null), Outcome.REJECT, "outcome");
        page(Target.TASK_PAGE, kind, "a string for a boolean", param("safeAtHome", "ja tak"), Outcome.REJECT,
            "safeAtHome");
        page(Target.TASK_PAGE, kind, "the unknown youth wish MOON", param("youthWish", "MOON"), Outcome.REJECT,
            "youthWish");
      }
      case "choose-step" -> {
        api(Target.TASK_API, kind, "a planned end in the past", set("plannedEnd", "2027-01-01"), Outcome.REJECT,
            "plannedEnd");
        api(Target.TASK_API, kind, "a planned end today", set("plannedEnd", "2027-03-04"), Outcome.REJECT,
            "plannedEnd");
        api(Target.TASK_API, kind, "a planned end that is not a date", set("plannedEnd", "31/12/2027"),
            Outcome.REJECT, "plannedEnd");
        api(Target.TASK_API, kind, "a number for the planned end", set("plannedEnd", 20271231), Outcome.EITHER);
        api(Target.TASK_API, kind, "an unknown step", set("stepKey", "MOON_BASE"), Outcome.REJECT, "stepKey");
        api(Target.TASK_API, kind, "a script as the step", set("stepKey", SCRIPT), Outcome.REJECT, "stepKey");
        api(Target.TASK_API, kind, "a next step down above the chosen step", set("nextStepDownKey", "HOME_BASED"),
            Outcome.REJECT, "nextStepDownKey");
        page(Target.TASK_PAGE, kind, "a planned end in the past", param("plannedEnd", "2026-12-31"),
            Outcome.REJECT, "plannedEnd");
        page(Target.TASK_PAGE, kind, "a planned end that is not a date", param("plannedEnd", "snart"),
            Outcome.REJECT, "plannedEnd");
        page(Target.TASK_PAGE, kind, "an unknown step", param("stepKey", "<b>MOON</b>"), Outcome.REJECT, "stepKey");
      }
      case "action-plan" -> {
        api(Target.TASK_API, kind, "a goal target date in the past", set("goals[0].targetDate", "2027-01-01"),
            Outcome.REJECT, "goals[0].targetDate");
        api(Target.TASK_API, kind, "a sub-goal target date before today",
            set("goals[0].subGoals[0].targetDate", "2027-03-01"), Outcome.REJECT, "goals[0].subGoals[0].targetDate");
        api(Target.TASK_API, kind, "an object for the goals array", set("goals", JSON.createObjectNode()),
            Outcome.REJECT, "goals");
        api(Target.TASK_API, kind, "a string for a goal", set("goals", JSON.createArrayNode().add("mål")),
            Outcome.REJECT, "goals[0]");
        api(Target.TASK_API, kind, "null as a goal", set("goals", JSON.createArrayNode().addNull()),
            Outcome.REJECT, "goals[0]");
        api(Target.TASK_API, kind, "no goals", set("goals", JSON.createArrayNode()), Outcome.REJECT, "goals");
        api(Target.TASK_API, kind, "31 goals", j -> {
          ArrayNode goals = (ArrayNode) j.get("goals");
          for (int i = 0; i < 30; i++) {
            goals.add(goals.get(0).deepCopy());
          }
          return j;
        }, Outcome.REJECT, "goals");
        api(Target.TASK_API, kind, "a string for the youthOwn boolean", set("goals[0].youthOwn", "nej"),
            Outcome.REJECT, "goals[0].youthOwn");
        page(Target.TASK_PAGE, kind, "a goal target date in the past", param("goals[0].targetDate", "2027-01-01"),
            Outcome.REJECT, "goals[0].targetDate");
        page(Target.TASK_PAGE, kind, "a sub-goal target date that is not a date",
            param("goals[0].subGoals[0].targetDate", "<i>x</i>"), Outcome.REJECT, "goals[0].subGoals[0].targetDate");
      }
      case "network-meeting" -> {
        api(Target.TASK_API, kind, "a satisfaction of 0", set("youthSatisfaction", 0), Outcome.REJECT,
            "youthSatisfaction");
        api(Target.TASK_API, kind, "a satisfaction of 6", set("youthSatisfaction", 6), Outcome.REJECT,
            "youthSatisfaction");
        api(Target.TASK_API, kind, "a string for the satisfaction", set("youthSatisfaction", "five"),
            Outcome.REJECT, "youthSatisfaction");
        api(Target.TASK_API, kind, "a huge number for the satisfaction", set("youthSatisfaction",
            new java.math.BigInteger("99999999999999999999999")), Outcome.REJECT, "youthSatisfaction");
        api(Target.TASK_API, kind, "an object for the participants array",
            set("participants", JSON.createObjectNode().put("role", "YOUTH").put("name", "A")), Outcome.REJECT,
            "participants");
        api(Target.TASK_API, kind, "an unknown participant role", set("participants[0].role", "KING"),
            Outcome.REJECT, "participants[0].role");
        api(Target.TASK_API, kind, "the unknown decision PARTY", set("decision", "PARTY"), Outcome.REJECT,
            "decision");
        api(Target.TASK_API, kind, "a step up without the intervention", set("decision", "STEP_UP"),
            Outcome.REJECT, "interventionId");
        api(Target.TASK_API, kind, "progress on a goal that does not exist", set("goalProgress",
            JSON.createArrayNode().add(JSON.createObjectNode().put("goalId", 999999).put("progress", 5))),
            Outcome.REJECT);
        api(Target.TASK_API, kind, "an unknown intervention id", j -> put(put(j, "decision", "STEP_DOWN"),
            "interventionId", -1), Outcome.REJECT, "interventionId");
        page(Target.TASK_PAGE, kind, "a string for the satisfaction", param("youthSatisfaction", "fem"),
            Outcome.REJECT, "youthSatisfaction");
        page(Target.TASK_PAGE, kind, "the unknown decision PARTY", param("decision", "PARTY"), Outcome.REJECT,
            "decision");
        page(Target.TASK_PAGE, kind, "an unknown participant role", param("participants[0].role", "KING"),
            Outcome.REJECT, "participants[0].role");
      }
      case "follow-up" -> {
        api(Target.TASK_API, kind, "a string for the effective boolean", set("effective", "maybe"),
            Outcome.REJECT, "effective");
        api(Target.TASK_API, kind, "a next interval that is not a period", set("nextInterval", "banana"),
            Outcome.REJECT, "nextInterval");
        api(Target.TASK_API, kind, "a negative next interval", set("nextInterval", "P-6M"), Outcome.REJECT,
            "nextInterval");
        api(Target.TASK_API, kind, "a next interval in weeks", set("nextInterval", "P2W"), Outcome.REJECT,
            "nextInterval");
        api(Target.TASK_API, kind, "a script as the next interval", set("nextInterval", IMG), Outcome.REJECT,
            "nextInterval");
        api(Target.TASK_API, kind, "an array for the effective boolean", set("effective", JSON.createArrayNode()),
            Outcome.REJECT, "effective");
        page(Target.TASK_PAGE, kind, "a string for the effective boolean", param("effective", "måske"),
            Outcome.REJECT, "effective");
        page(Target.TASK_PAGE, kind, "a next interval that is not a period", param("nextInterval", "P99999999Y"),
            Outcome.REJECT, "nextInterval");
      }
      default -> throw new IllegalArgumentException(kind);
    }
  }

  /** Every unicode edge case in one free text of the task (a name refuses the RTL override: see bidiInNames). */
  private void unicodeOnce(String kind, String first) {
    String field = TEXT_FIELDS.get(kind).stream().filter(f -> !NAME_FIELDS.contains(f)).findFirst().orElseThrow();
    api(Target.TASK_API, kind, "every unicode edge case in one text", set(field, String.join(" | ", RTL, ZWJ,
        COMBINING, EMOJI_SKIN)), Outcome.ACCEPT);
  }

  // ---- names and bidirectional controls --------------------------------------------------------------------------

  /**
   * A name with a bidirectional control (which can make it display reversed) is refused naming the field, on the API
   * and the pages alike; every control is tried on the child's first name; free text keeps bidirectional marks.
   */
  private void bidiInNames() {
    for (char c : BIDI_CONTROLS) {
      String code = String.format("U+%04X", (int) c);
      api(Target.NOTIFICATION_API, null, "the bidirectional control " + code + " in the child's first name",
          set("child.firstName", "Ali" + c + "ce"), Outcome.REJECT, "child.firstName");
    }
    api(Target.NOTIFICATION_API, null, "an RTL override (U+202E) in the child's last name", set("child.lastName", RTL),
        Outcome.REJECT, "child.lastName");
    api(Target.NOTIFICATION_API, null, "a right-to-left isolate (U+2067) in the notifier's name",
        set("notifierName", "Lærer \u2067Hansen\u2069"), Outcome.REJECT, "notifierName");
    api(Target.NOTIFICATION_API, null, "Arabic with right-to-left marks in the concern",
        set("concern", ARABIC_WITH_MARK), Outcome.ACCEPT);
    page(Target.INTAKE_PAGE, null, "an RTL override (U+202E) in the first name", param("firstName", RTL),
        Outcome.REJECT, "firstName");
    page(Target.INTAKE_PAGE, null, "a left-to-right mark (U+200E) in the last name",
        param("lastName", "Hansen\u200E"), Outcome.REJECT, "lastName");
    page(Target.INTAKE_PAGE, null, "a right-to-left embedding (U+202B) in the notifier's name",
        param("notifierName", "\u202BLærer Hansen"), Outcome.REJECT, "notifierName");
    page(Target.INTAKE_PAGE, null, "Arabic with right-to-left marks in the concern", param("concern", ARABIC_WITH_MARK),
        Outcome.ACCEPT);
    api(Target.TASK_API, "network-meeting", "an RTL override (U+202E) in a participant's name",
        set("participants[0].name", RTL), Outcome.REJECT, "participants[0].name");
    page(Target.TASK_PAGE, "network-meeting", "an RTL override (U+202E) in a participant's name",
        param("participants[0].name", RTL), Outcome.REJECT, "participants[0].name");
    api(Target.TASK_API, "action-plan", "a left-to-right override (U+202D) in a goal's owner",
        set("goals[0].owner", "Mor\u202D"), Outcome.REJECT, "goals[0].owner");
    page(Target.TASK_PAGE, "action-plan", "a first-strong isolate (U+2068) in a goal's owner",
        param("goals[0].owner", "\u2068Mor"), Outcome.REJECT, "goals[0].owner");
  }

  // ---- concerns --------------------------------------------------------------------------------------------------

  private void concerns() {
    Target api = Target.CONCERN_API;
    Target page = Target.CONCERN_PAGE;
    api(api, null, "a script as the description", set("description", SCRIPT), Outcome.ACCEPT);
    api(api, null, "an img onerror as the description", set("description", IMG), Outcome.ACCEPT);
    unicode(api, null, "concern");
    api(api, null, "a 1 MB description", set("description", MEGABYTE), Outcome.TOO_LARGE);
    api(api, null, "a 4001-character description", set("description", "x".repeat(4001)), Outcome.REJECT,
        "description");
    api(api, null, "a raisedAt in the future", set("raisedAt", "2027-04-01T08:00:00Z"), Outcome.REJECT,
        "raisedAt");
    api(api, null, "a raisedAt that is not a time", set("raisedAt", "i morgen"), Outcome.REJECT, "raisedAt");
    api(api, null, "the unknown source ALIENS", set("raisedBy", "ALIENS"), Outcome.REJECT, "raisedBy");
    api(api, null, "null for the source", set("raisedBy", null), Outcome.REJECT, "raisedBy");
    api(api, null, "an array for the description", set("description", JSON.createArrayNode().add("x")),
        Outcome.REJECT, "description");
    api(api, null, "a number for the description", set("description", 7), Outcome.EITHER);
    api(api, null, "no description", remove("description"), Outcome.REJECT, "description");
    api(api, null, "an empty body", raw(""), Outcome.REJECT, "body");
    api(api, null, "an empty object", raw("{}"), Outcome.REJECT, "raisedBy", "description");
    api(api, null, "invalid JSON", raw("{\"raisedBy\": SCHOOL}"), Outcome.REJECT, "body");
    api(api, null, "an array for the whole body", raw("[{}]"), Outcome.REJECT, "body");
    api(api, null, "an extra unknown field", set("registeredBy", "admin"), Outcome.EITHER);
    page(page, null, "a script as the description", param("description", SCRIPT), Outcome.ACCEPT);
    page(page, null, "an img onerror as the description", param("description", IMG), Outcome.ACCEPT);
    for (var u : unicodeValues().entrySet()) {
      page(page, null, u.getKey() + " as the description", param("description", u.getValue()), Outcome.EITHER);
    }
    page(page, null, "a NUL character as the description", param("description", NUL), Outcome.REJECT,
        "description");
    page(page, null, "an escape character (U+001B) in the description", param("description", ESCAPE),
        Outcome.REJECT, "description");
    page(page, null, "a 1 MB description", param("description", MEGABYTE), Outcome.REJECT, "description");
    page(page, null, "a raisedAt in the future", param("raisedAt", "2027-04-01T09:00"), Outcome.REJECT,
        "raisedAt");
    page(page, null, "a raisedAt that is not a time", param("raisedAt", "<script>"), Outcome.REJECT, "raisedAt");
    page(page, null, "the unknown source ALIENS", param("raisedBy", "ALIENS"), Outcome.REJECT, "raisedBy");
    page(page, null, "a blank description", param("description", "\u200B "), Outcome.EITHER);
    page(page, null, "every field missing", f -> new LinkedHashMap<>(), Outcome.REJECT, "raisedBy",
        "description");
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  static Map<String, String> unicodeValues() {
    Map<String, String> u = new LinkedHashMap<>();
    u.put("an RTL override (U+202E)", RTL);
    u.put("zero-width joiners", ZWJ);
    u.put("combining characters", COMBINING);
    u.put("emoji with skin tones", EMOJI_SKIN);
    u.put("a lone surrogate", LONE_SURROGATE);
    return u;
  }

  /**
   * The unicode edge cases in every text field (either outcome), and a NUL character in each text field on its own:
   * refused naming that field, on H2 (which would store it) as on PostgreSQL (which cannot).
   */
  private void unicode(Target t, String kind, String textFieldsOf) {
    for (var u : unicodeValues().entrySet()) {
      api(t, kind, u.getKey() + " in every text field", allText(textFieldsOf, u.getValue()), Outcome.EITHER);
    }
    for (String field : TEXT_FIELDS.get(textFieldsOf)) {
      api(t, kind, "a NUL character in " + field, set(field, NUL), Outcome.REJECT, field);
    }
  }

  private void api(Target t, String kind, String name, UnaryOperator<JsonNode> json, Outcome o, String... fields) {
    entries.add(new Entry(name, t, kind, json, null, o, Set.of(fields)));
  }

  private void page(Target t, String kind, String name, UnaryOperator<Map<String, String>> form, Outcome o,
      String... fields) {
    entries.add(new Entry(name, t, kind, null, form, o, Set.of(fields)));
  }

  static UnaryOperator<JsonNode> raw(String body) {
    return j -> new Raw(body);
  }

  static UnaryOperator<JsonNode> set(String path, Object value) {
    return j -> put(j, path, value);
  }

  static UnaryOperator<JsonNode> remove(String path) {
    return j -> {
      int dot = path.lastIndexOf('.');
      JsonNode parent = dot < 0 ? j : node(j, path.substring(0, dot));
      ((ObjectNode) parent).remove(path.substring(dot + 1));
      return j;
    };
  }

  static UnaryOperator<JsonNode> allText(String kind, String value) {
    return j -> {
      for (String path : TEXT_FIELDS.get(kind)) {
        put(j, path, value);
      }
      return j;
    };
  }

  static UnaryOperator<Map<String, String>> param(String name, String value) {
    return f -> {
      f.put(INTAKE_FIELD.getOrDefault(name, name), value);
      return f;
    };
  }

  static UnaryOperator<Map<String, String>> allParams(String kind, String value) {
    return f -> {
      for (String path : TEXT_FIELDS.get(kind)) {
        f.put("notification".equals(kind) ? INTAKE_FIELD.get(path) : path, value);
      }
      return f;
    };
  }

  /** Sets the value at a dotted path with [i] indexes ("goals[0].subGoals[0].title"). */
  static JsonNode put(JsonNode root, String path, Object value) {
    int dot = path.lastIndexOf('.');
    JsonNode parent = dot < 0 ? root : node(root, path.substring(0, dot));
    String last = path.substring(dot + 1);
    JsonNode v = value instanceof JsonNode n ? n : JSON.valueToTree(value);
    if (last.endsWith("]")) {
      String name = last.substring(0, last.indexOf('['));
      int i = Integer.parseInt(last.substring(last.indexOf('[') + 1, last.length() - 1));
      ((ArrayNode) parent.get(name)).set(i, v);
    } else {
      ((ObjectNode) parent).set(last, v);
    }
    return root;
  }

  private static JsonNode node(JsonNode root, String path) {
    JsonNode n = root;
    for (String part : path.split("\\.")) {
      if (part.endsWith("]")) {
        n = n.get(part.substring(0, part.indexOf('['))).get(
            Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1)));
      } else {
        n = n.get(part);
      }
    }
    return n;
  }

  /** The form parameters of a JSON payload: its paths as the task forms name their fields. */
  static Map<String, String> flatten(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", node, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(),
          f.getValue(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), out);
      }
    } else if (!node.isNull()) {
      out.put(prefix, node.asText());
    }
  }

  private BadInputCorpus() {
  }
}
