package dk.trappen.oversight;

import dk.trappen.deadlines.DeadlineKind;
import dk.trappen.deadlines.DeadlineRegister;
import dk.trappen.deadlines.DeadlineRules;
import dk.trappen.deadlines.DeadlineState;
import dk.trappen.deadlines.DeadlineView;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A team's compliance with its deadlines, per deadline kind and month, for the team leader's overview and its CSV:
 * met within the legal deadline, met within an extension, and all that fell due.
 */
@Component
@Transactional(readOnly = true)
public class DeadlineCompliance {

  private final DeadlineRegister deadlines;
  private final ZoneId zone;
  private final Clock clock;

  DeadlineCompliance(DeadlineRegister deadlines, DeadlineRules rules, Clock clock) {
    this.deadlines = deadlines;
    this.zone = rules.zone();
    this.clock = clock;
  }

  /**
   * Deadlines met per kind and month (by the month of their current due time; only those decided: met, or due by
   * now): {@code metInTime} met within the legal deadline ({@code legal_due_at}), {@code metInExtension} met after
   * it but within an approved extension or pause ({@code due_at}), and {@code due} all of them, the rest being late or
   * missed. {@link #share()} is the legal compliance; {@link #shareWithExtensions()} counts extended deadlines met too.
   */
  public record Compliance(DeadlineKind kind, YearMonth month, long metInTime, long metInExtension, long due) {
    public double share() {
      return due == 0 ? 1.0 : (double) metInTime / due;
    }

    public double shareWithExtensions() {
      return due == 0 ? 1.0 : (double) (metInTime + metInExtension) / due;
    }
  }

  /** The team's compliance over the last {@code months} months, this month included. */
  public List<Compliance> of(String teamCode, int months) {
    Instant now = clock.instant();
    YearMonth current = YearMonth.from(now.atZone(zone));
    Instant from = current.minusMonths(months - 1L).atDay(1).atStartOfDay(zone).toInstant();
    Map<DeadlineKind, Map<YearMonth, long[]>> counts = new EnumMap<>(DeadlineKind.class);
    for (DeadlineView d : deadlines.ofTeamDueBetween(teamCode, from, now)) {
      if (d.state() == DeadlineState.CANCELLED || d.state() == DeadlineState.PAUSED) {
        continue;
      }
      YearMonth month = YearMonth.from(d.dueAt().atZone(zone));
      long[] c = counts.computeIfAbsent(d.kind(), k -> new TreeMap<>()).computeIfAbsent(month, m -> new long[3]);
      c[2]++;
      if (d.state() == DeadlineState.MET) {
        Instant legal = d.legalDueAt() == null ? d.dueAt() : d.legalDueAt();
        c[d.metAt().isAfter(legal) ? 1 : 0]++;
      }
    }
    List<Compliance> out = new ArrayList<>();
    counts.forEach((kind, byMonth) -> byMonth.forEach((month, c) -> out.add(new Compliance(kind, month, c[0], c[1],
        c[2]))));
    return out;
  }
}
