package dk.trappen.casefile;

import dk.trappen.staircase.InterventionView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A case's path up and down the staircase over time, for the case page's chart and its table: the highest step with
 * a running intervention at each moment (0 = no intervention), as a list of change points. Interventions that never
 * started (awaiting approval, rejected, withdrawn) are not on the path.
 */
final class StaircasePath {

  /** The case is on step {@code position} from {@code at} until the next point (0: no running intervention). */
  public record Point(Instant at, int position) {
  }

  private StaircasePath() {
  }

  /**
   * @param from   when the case began (the municipality became aware)
   * @param until  the end of the path: now for an open case, the closure for a closed one
   * @return the points where the level changed, the first being the beginning (level 0)
   */
  static List<Point> changes(List<InterventionView> interventions, Instant from, Instant until) {
    Map<Instant, List<Change>> changes = new TreeMap<>();
    for (InterventionView i : interventions) {
      if (i.startedAt() == null) {
        continue;
      }
      changes.computeIfAbsent(i.startedAt(), t -> new ArrayList<>()).add(new Change(i.id(), i.position(), true));
      if (i.endedAt() != null) {
        changes.computeIfAbsent(i.endedAt(), t -> new ArrayList<>()).add(new Change(i.id(), i.position(), false));
      }
    }
    List<Point> points = new ArrayList<>();
    Instant start = from;
    if (start == null || (!changes.isEmpty() && changes.keySet().iterator().next().isBefore(start))) {
      start = changes.isEmpty() ? until : changes.keySet().iterator().next();
    }
    points.add(new Point(start, 0));
    Map<Long, Integer> running = new TreeMap<>();
    Set<Long> ended = new HashSet<>();
    int level = 0;
    for (Map.Entry<Instant, List<Change>> group : changes.entrySet()) {
      for (Change c : group.getValue()) {
        if (c.start() && !ended.contains(c.id())) {
          running.put(c.id(), c.position());
        } else if (!c.start()) {
          running.remove(c.id());
          ended.add(c.id());
        }
      }
      int now = running.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      if (now != level) {
        if (points.get(points.size() - 1).at().equals(group.getKey())) {
          points.set(points.size() - 1, new Point(group.getKey(), now));
        } else {
          points.add(new Point(group.getKey(), now));
        }
        level = now;
      }
    }
    return points;
  }

  /** The change points with a last point at {@code until} on the last level, for drawing the line to the end. */
  static List<Point> drawn(List<Point> changes, Instant until) {
    List<Point> points = new ArrayList<>(changes);
    Point last = changes.get(changes.size() - 1);
    if (until != null && until.isAfter(last.at())) {
      points.add(new Point(until, last.position()));
    }
    return points;
  }

  private record Change(long id, int position, boolean start) {
  }
}
