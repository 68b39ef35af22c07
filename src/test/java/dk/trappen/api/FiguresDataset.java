package dk.trappen.api;

import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import dk.trappen.testsupport.JourneySeeder;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The small dataset the figures are checked against by hand (FiguresHandComputedTest, docs/figures.md): two teams of
 * their own, figa and figb, with a head over both (figurhead) and a team leader of figa (figleader), and five cases in
 * figa and one in figb over January to March 2026. Every instant is Copenhagen local time. Inserted once per
 * application context (the test contexts share their database).
 */
public final class FiguresDataset {

  public static final String TEAM_A = "figa";
  public static final String TEAM_B = "figb";
  public static final String HEAD = "figurhead";
  public static final String LEADER = "figleader";
  /** A third team of its own, with overlapping interventions in one case, and its team leader. */
  public static final String TEAM_C = "figc";
  public static final String LEADER_C = "figcleader";
  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  /** Goal ids of the dataset's ratings (goal_progress.goal_id has no foreign key): far above any plan's goals. */
  static final long G1 = 990_001;
  static final long G2 = 990_002;
  static final long G3 = 990_003;

  private FiguresDataset() {
  }

  public static synchronized void ensure(JdbcTemplate jdbc, OrgService org, PasswordEncoder encoder) {
    TestStaff.ensure(org, encoder);
    if (org.teamExists(TEAM_A)) {
      return;
    }
    org.createTeam(TEAM_A, "Team Figur A");
    org.createTeam(TEAM_B, "Team Figur B");
    String hash = encoder.encode(TestStaff.PASSWORD);
    org.createUserInTeams(HEAD, "Figur Chef", Role.HEAD, List.of(TEAM_A, TEAM_B), hash, false);
    org.createUserInTeams(LEADER, "Figur Leder", Role.TEAM_LEADER, List.of(TEAM_A), hash, false);
    org.createTeam(TEAM_C, "Team Figur C");
    org.createUserInTeams(LEADER_C, "Figur Leder C", Role.TEAM_LEADER, List.of(TEAM_C), hash, false);
    new FiguresDataset.Writer(jdbc).write();
  }

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(CPH).toInstant();
  }

  private static final class Writer {
    private final JdbcTemplate jdbc;
    private int serial = 5_901;

    Writer(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    long insert(String table, Map<String, Object> values) {
      return new SimpleJdbcInsert(jdbc).withTableName(table).usingGeneratedKeyColumns("id")
          .executeAndReturnKey(values).longValue();
    }

    /** A Timestamp (the instant), which both H2 and PostgreSQL's driver take for a timestamp with time zone. */
    static Timestamp t(String local) {
      return local == null ? null : Timestamp.from(at(local));
    }

    long youthCase(String number, String team, String caseworker, String opened, String closed) {
      LocalDate born = LocalDate.of(2011, 2, 13);
      long child = insert("child", Map.of("cpr", JourneySeeder.cpr(born, serial++), "first_name", "Figur",
          "last_name", number, "birth_date", born));
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("case_number", number);
      v.put("child_id", child);
      v.put("team_code", team);
      v.put("caseworker", caseworker);
      v.put("status", closed == null ? "OPEN" : "CLOSED");
      v.put("aware_at", t(opened));
      v.put("opened_at", t(opened));
      v.put("closed_at", t(closed));
      return insert("youth_case", v);
    }

    long intervention(long caseId, String step, int position, boolean placement, String started, String ended,
        String plannedEnd, String next, Long replaces) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("case_id", caseId);
      v.put("step_key", step);
      v.put("step_name", step);
      v.put("step_position", position);
      v.put("placement", placement);
      v.put("description", "Figurindsats");
      v.put("status", ended == null ? "RUNNING" : "ENDED");
      v.put("emergency", false);
      v.put("decided_at", t(started));
      v.put("decided_by", "figcw1");
      v.put("started_at", t(started));
      v.put("planned_end", LocalDate.parse(plannedEnd));
      v.put("next_step_down_key", next);
      v.put("ended_at", t(ended));
      v.put("end_reason", ended == null ? null : "STEP_CHANGED");
      v.put("replaces_id", replaces);
      return insert("intervention", v);
    }

    long meeting(long caseId, String held, int satisfaction, String voice) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("case_id", caseId);
      v.put("held_at", t(held));
      v.put("youth_satisfaction", satisfaction);
      v.put("youth_voice", voice);
      v.put("decision", "CONTINUE");
      v.put("decision_note", "Fortsætter.");
      v.put("recorded_by", "figcw1");
      return insert("network_meeting", v);
    }

    void rating(long meetingId, long goalId, int progress) {
      insert("goal_progress", Map.of("meeting_id", meetingId, "goal_id", goalId, "progress", progress));
    }

    void outcome(long caseId, long meetingId, String indicator, boolean achieved, String step, String at) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("case_id", caseId);
      v.put("meeting_id", meetingId);
      v.put("indicator_key", indicator);
      v.put("achieved", achieved);
      v.put("step_key", step);
      v.put("recorded_at", t(at));
      v.put("recorded_by", "figcw1");
      insert("outcome_record", v);
    }

    void notification(long caseId, String kind, String received, String assessed) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("case_id", caseId);
      v.put("payload_hash", "figures-" + caseId + "-" + received);
      v.put("notifier_kind", kind);
      v.put("professional", !"RELATIVE".equals(kind));
      v.put("concern", "Bekymring.");
      v.put("received_at", t(received));
      v.put("registered_at", t(received));
      v.put("registered_by", "ida");
      v.put("joined_open_case", false);
      v.put("assessed_at", t(assessed));
      v.put("acute_outcome", assessed == null ? null : "NOT_ACUTE");
      insert("notification", v);
    }

    void write() {
      // figa
      long a1 = youthCase("2026-990001", TEAM_A, "figcw1", "2025-06-01T09:00", null);
      long a1a = intervention(a1, "HOME_BASED", 3, false, "2025-12-01T00:00", null, "2026-02-28", "PREVENTIVE", null);
      long plan = insert("safety_plan", Map.of("intervention_id", a1a, "case_id", a1, "content", "Ring til mormor.",
          "agreed_with", "Mor og far", "agreed_at", t("2026-01-10T10:00"), "agreed_by", "figcw1"));
      long m0 = meeting(a1, "2025-12-10T10:00", 4, "Gammel mening");
      long m1 = meeting(a1, "2026-01-15T10:00", 5, "Det går godt");
      long m2 = meeting(a1, "2026-02-15T10:00", 4, "Jeg vil gerne hjem tidligere");
      long m3 = meeting(a1, "2026-03-15T10:00", 2, null);
      rating(m0, G1, 4);
      rating(m1, G1, 5);
      rating(m2, G1, 5);
      rating(m3, G1, 5);
      insert("safety_plan_review", Map.of("safety_plan_id", plan, "meeting_id", m1, "holds", true, "reviewed_at",
          t("2026-01-15T10:00"), "reviewed_by", "figcw1"));
      insert("safety_plan_review", Map.of("safety_plan_id", plan, "meeting_id", m2, "holds", false, "reviewed_at",
          t("2026-02-15T10:00"), "reviewed_by", "figcw1"));
      outcome(a1, m1, "SCHOOL_ATTENDANCE", true, "HOME_BASED", "2026-01-15T10:00");
      outcome(a1, m1, "POLICE_CONTACT", false, "HOME_BASED", "2026-01-15T10:00");
      outcome(a1, m2, "SCHOOL_ATTENDANCE", false, "HOME_BASED", "2026-02-15T10:00");
      outcome(a1, m2, "POLICE_CONTACT", true, "HOME_BASED", "2026-02-15T10:00");
      notification(a1, "SCHOOL", "2026-01-10T10:00", "2026-01-10T15:00");

      long a2 = youthCase("2026-990002", TEAM_A, "figcw1", "2025-10-01T09:00", null);
      long a2a = intervention(a2, "PREVENTIVE", 2, false, "2026-01-01T00:00", "2026-02-10T10:00", "2026-06-30",
          null, null);
      intervention(a2, "FOSTER_FAMILY", 5, true, "2026-02-10T10:00", null, "2026-12-31", "KIN_PLACEMENT", a2a);
      long m4 = meeting(a2, "2026-01-20T10:00", 3, "Skolen er svær");
      long m5 = meeting(a2, "2026-03-05T10:00", 4, "  ");
      rating(m4, G2, 3);
      rating(m5, G2, 6);
      outcome(a2, m4, "SCHOOL_ATTENDANCE", true, "PREVENTIVE", "2026-01-20T10:00");
      outcome(a2, m5, "SCHOOL_ATTENDANCE", true, null, "2026-03-05T10:00");
      notification(a2, "POLICE", "2026-01-25T10:00", "2026-01-26T11:00");

      long a3 = youthCase("2026-990003", TEAM_A, null, "2025-08-01T09:00", "2026-03-20T12:00");
      intervention(a3, "INSTITUTION", 6, true, "2025-09-01T00:00", "2026-03-20T12:00", "2026-06-30", null, null);

      long a4 = youthCase("2026-990004", TEAM_A, "figcw2", "2026-02-01T09:00", null);
      notification(a4, "SCHOOL", "2026-02-03T10:00", null);

      long a5 = youthCase("2026-990005", TEAM_A, null, "2026-03-01T09:00", null);
      intervention(a5, "EARLY_HELP", 1, false, "2026-03-10T00:00", null, "2026-03-31", "ORDINARY_LIFE", null);
      notification(a5, "RELATIVE", "2026-03-02T08:00", "2026-03-03T08:00");

      // figb
      long b1 = youthCase("2026-990006", TEAM_B, "figcw3", "2025-01-01T09:00", null);
      long b1a = intervention(b1, "KIN_PLACEMENT", 4, true, "2026-01-01T00:00", "2026-02-10T00:00", "2026-06-30",
          null, null);
      intervention(b1, "PREVENTIVE", 2, false, "2026-02-10T00:00", null, "2026-02-28", "EARLY_HELP", b1a);
      long mb = meeting(b1, "2026-02-20T10:00", 5, "Mormor er sød");
      rating(mb, G3, 7);
      outcome(b1, mb, "EDUCATION_OR_WORK", true, "KIN_PLACEMENT", "2026-02-20T10:00");
      notification(b1, "HEALTH", "2026-02-01T10:00", "2026-02-01T12:00");

      // figc: a case with two interventions at once (preventive from December, home-based from 5 February to 15
      // March) and meetings without ratings, and a kin placement from 20 January
      long c1 = youthCase("2026-990007", TEAM_C, "figcw4", "2025-11-01T09:00", null);
      intervention(c1, "PREVENTIVE", 2, false, "2025-12-01T00:00", null, "2026-06-30", "EARLY_HELP", null);
      intervention(c1, "HOME_BASED", 3, false, "2026-02-05T00:00", "2026-03-15T12:00", "2026-06-30", null, null);
      meeting(c1, "2026-01-12T10:00", 3, null); // three meetings without goal ratings: stalled, no last progress
      meeting(c1, "2026-02-12T10:00", 3, null);
      meeting(c1, "2026-03-12T10:00", 4, null);
      long c2 = youthCase("2026-990008", TEAM_C, "figcw4", "2026-01-05T09:00", null);
      intervention(c2, "KIN_PLACEMENT", 4, true, "2026-01-20T00:00", null, "2026-12-31", null, null);
    }
  }
}
