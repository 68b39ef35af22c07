package dk.trappen.bell;

import dk.trappen.deadlines.AddressedNotices;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import dk.trappen.security.CaseAccess;
import dk.trappen.tasks.AssignedTasks;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bell of one staff member: how many items are new (the header's count: a primary-key read of the marker and two
 * indexed counts), the items themselves (newest first: new, then seen, of the last {@value #WINDOW_DAYS} days), and
 * marking them seen. See the package description for what an item is and why the marker is the newest item shown.
 */
@Service
public class BellService {

  /** How far back the bell reaches, in days: older work is in the task list, not news. */
  public static final int WINDOW_DAYS = 14;
  static final Duration WINDOW = Duration.ofDays(WINDOW_DAYS);
  /** The most items one bell lists (new and seen together). */
  static final int MAX_ITEMS = 100;

  /** What an item is: a task newly the user's, or a deadline escalated to them (as team leader, or as head). */
  public enum Kind { TASK, ESCALATED, ESCALATED_TO_HEAD }

  /** One item of the bell. */
  public record BellItem(
      Kind kind,
      @Schema(description = "When the task became the user's, or when the notice was written") Instant at,
      String caseNumber,
      @Schema(description = "The task's id (its form is /tasks/{id}); null for a notice", nullable = true)
      String taskId,
      @Schema(description = "The task's kind, e.g. choose-step; null for a notice", nullable = true) String taskKind,
      @Schema(description = "The notice's subject, or the task's name") String subject) {
  }

  /** The bell as the page and the API show it. */
  public record Bell(
      @Schema(description = "How many items are new, as the header counts them (the lists show at most "
          + MAX_ITEMS + " items, newest first)") long newCount,
      @Schema(description = "Up to when the user has seen their bell; null: never", nullable = true)
      Instant seenUntil,
      @Schema(description = "The new items, newest first") List<BellItem> fresh,
      @Schema(description = "The items seen before, of the last " + WINDOW_DAYS + " days, newest first")
      List<BellItem> seen) {

    /** The newest item shown, up to which opening the page marks the bell seen; null when nothing is new. */
    Instant newest() {
      return fresh.isEmpty() ? null : fresh.get(0).at();
    }
  }

  private final AssignedTasks tasks;
  private final AddressedNotices notices;
  private final BellSeenRepository markers;
  private final CaseAccess access;
  private final Clock clock;
  private final TransactionTemplate transactions;

  BellService(AssignedTasks tasks, AddressedNotices notices, BellSeenRepository markers, CaseAccess access,
      Clock clock, PlatformTransactionManager transactionManager) {
    this.tasks = tasks;
    this.notices = notices;
    this.markers = markers;
    this.access = access;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** How many items are new for the user (0 for an administrator, who has no bell). */
  public long newCount(StaffMember me) {
    if (me.role() == Role.ADMIN) {
      return 0;
    }
    Instant since = since(me.username(), clock.instant().minus(WINDOW));
    return tasks.countSince(me.username(), since) + notices.countSince(me.username(), me.teams(), since);
  }

  /** The user's bell, its read of each case it names recorded as {@code what}. */
  Bell read(StaffMember me, String what) {
    Instant from = clock.instant().minus(WINDOW);
    Instant seenUntil = markers.seenUntil(me.username()).orElse(null);
    Instant since = after(seenUntil, from);
    List<BellItem> items = new ArrayList<>();
    Map<Long, String> cases = new LinkedHashMap<>();
    tasks.since(me.username(), from, MAX_ITEMS).forEach(t -> {
      items.add(new BellItem(Kind.TASK, t.assignedAt(), t.caseNumber(), t.taskId(), t.kind(), t.name()));
      if (t.caseId() > 0) {
        cases.put(t.caseId(), t.caseNumber());
      }
    });
    notices.since(me.username(), me.teams(), from, MAX_ITEMS).forEach(n -> {
      items.add(new BellItem(n.headTier() ? Kind.ESCALATED_TO_HEAD : Kind.ESCALATED, n.createdAt(), n.caseNumber(),
          null, null, n.subject()));
      if (n.caseId() > 0) {
        cases.put(n.caseId(), n.caseNumber());
      }
    });
    List<BellItem> shown = items.stream().sorted(Comparator.comparing(BellItem::at).reversed()).limit(MAX_ITEMS)
        .toList();
    List<BellItem> fresh = shown.stream().filter(i -> i.at().isAfter(since)).toList();
    List<BellItem> seen = shown.stream().filter(i -> !i.at().isAfter(since)).toList();
    Map<Long, String> named = new LinkedHashMap<>();
    cases.forEach((id, number) -> {
      if (shown.stream().anyMatch(i -> number.equals(i.caseNumber()))) {
        named.put(id, number);
      }
    });
    access.recordList(me, named, what);
    // the count as the header's: more may be new than the list shows
    long newCount = Math.max(fresh.size(), tasks.countSince(me.username(), since)
        + notices.countSince(me.username(), me.teams(), since));
    return new Bell(newCount, seenUntil, fresh, seen);
  }

  /**
   * Marks the user's bell seen up to {@code upTo} (nothing when null). Race-safe without a lock: the marker moves
   * only forward by a conditional update; a user without one gets it inserted, and of two first inserts at once the
   * loser moves the winner's marker forward instead.
   */
  void markSeen(String username, Instant upTo) {
    if (upTo == null) {
      return;
    }
    Integer moved = transactions.execute(s -> markers.advance(username, upTo));
    if (moved != null && moved > 0) {
      return;
    }
    try {
      transactions.executeWithoutResult(s -> {
        if (!markers.existsById(username)) {
          markers.saveAndFlush(new BellSeen(username, upTo));
        }
      });
    } catch (DataIntegrityViolationException raced) {
      transactions.execute(s -> markers.advance(username, upTo));
    }
  }

  /** After when an item is new: the user's marker, or {@code from} when they have none or it is older. */
  private Instant since(String username, Instant from) {
    return after(markers.seenUntil(username).orElse(null), from);
  }

  private static Instant after(Instant seenUntil, Instant from) {
    return seenUntil == null || seenUntil.isBefore(from) ? from : seenUntil;
  }
}
