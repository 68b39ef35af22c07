package dk.trappen.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Computed figures are served until they are keep-for old, and computed once when asked for at once")
class FiguresSnapshotsTest {

  private static final FiguresSnapshots.Key NORD = new FiguresSnapshots.Key(List.of("nord"), YearMonth.of(2026, 1),
      YearMonth.of(2026, 12));

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-30T12:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovableClock clock = new MovableClock();
  private final AtomicInteger computed = new AtomicInteger();

  private FiguresSnapshots snapshots(Duration keepFor) {
    FiguresProperties properties = new FiguresProperties();
    properties.setKeepFor(keepFor);
    return new FiguresSnapshots(properties, clock);
  }

  private Supplier<Figures> counting() {
    return () -> {
      computed.incrementAndGet();
      return figures();
    };
  }

  private static Figures figures() {
    return new Figures(YearMonth.of(2026, 1), YearMonth.of(2026, 12), Instant.EPOCH, List.of(), List.of(), List.of(),
        80, 3, List.of(), null);
  }

  @Test
  @DisplayName("the same teams and period within 15 minutes are computed once; at 15 minutes they are computed again")
  void keptForTheirTime() {
    FiguresSnapshots s = snapshots(Duration.ofMinutes(15));
    Figures first = s.get(NORD, counting());
    clock.now = clock.now.plus(Duration.ofMinutes(14).plusSeconds(59));
    assertThat(s.get(new FiguresSnapshots.Key(List.of("nord"), YearMonth.of(2026, 1), YearMonth.of(2026, 12)),
        counting())).isSameAs(first);
    assertThat(computed).hasValue(1);
    clock.now = clock.now.plusSeconds(1);
    assertThat(s.get(NORD, counting())).isNotSameAs(first);
    assertThat(computed).hasValue(2);
  }

  @Test
  @DisplayName("other teams, another period, a refresh, or a clock moved back are computed on their own")
  void otherKeysAndRefreshes() {
    FiguresSnapshots s = snapshots(Duration.ofMinutes(15));
    s.get(NORD, counting());
    s.get(new FiguresSnapshots.Key(List.of("syd", "nord"), YearMonth.of(2026, 1), YearMonth.of(2026, 12)), counting());
    s.get(new FiguresSnapshots.Key(List.of("nord", "syd"), YearMonth.of(2026, 1), YearMonth.of(2026, 12)), counting());
    s.get(new FiguresSnapshots.Key(List.of("nord"), YearMonth.of(2026, 2), YearMonth.of(2026, 12)), counting());
    assertThat(computed).as("nord; nord and syd in either order; another period").hasValue(3);
    s.refresh(NORD, counting());
    assertThat(computed).hasValue(4);
    clock.now = clock.now.minusSeconds(1);
    s.get(NORD, counting());
    assertThat(computed).hasValue(5);
  }

  @Test
  @DisplayName("keep-for 0 computes every request, and a computation that fails is not kept")
  void zeroAndFailures() {
    FiguresSnapshots live = snapshots(Duration.ZERO);
    live.get(NORD, counting());
    live.get(NORD, counting());
    assertThat(computed).hasValue(2);
    FiguresSnapshots s = snapshots(Duration.ofMinutes(15));
    assertThatThrownBy(() -> s.get(NORD, () -> {
      throw new IllegalStateException("database gone");
    })).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
    s.get(NORD, counting());
    assertThat(computed).hasValue(3);
  }

  @Test
  @DisplayName("two requests for the same figures at once compute them once, and both get them")
  void onceAtOnce() throws Exception {
    FiguresSnapshots s = snapshots(Duration.ofMinutes(15));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Figures> first = pool.submit(() -> s.get(NORD, () -> {
        started.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return counting().get();
      }));
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Figures> second = pool.submit(() -> s.get(NORD, counting()));
      Thread.sleep(200);
      assertThat(second.isDone()).as("the second waits for the first").isFalse();
      release.countDown();
      assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(first.get(10, TimeUnit.SECONDS));
      assertThat(computed).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
