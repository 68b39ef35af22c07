package dk.trappen.figures;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The figures computed lately, per set of teams and period, served until they are {@code trappen.figures.keep-for}
 * old (by the application's clock, so moving the demo clock forward computes them anew). Two requests for the same
 * figures at once compute them once: the second waits for the first. At most {@value #MAX_ENTRIES} sets are kept, the
 * least recently used leaving first. Each node keeps its own.
 */
@Component
class FiguresSnapshots {

  static final int MAX_ENTRIES = 200;

  record Key(List<String> teams, YearMonth from, YearMonth to) {
    Key {
      teams = teams.stream().sorted().toList();
    }
  }

  private record Entry(CompletableFuture<Figures> figures, Instant computedAt) {
  }

  private final FiguresProperties properties;
  private final Clock clock;
  private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  FiguresSnapshots(FiguresProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** The figures of {@code key}: as computed within the last keep-for, else computed now by {@code compute}. */
  Figures get(Key key, Supplier<Figures> compute) {
    return get(key, compute, false);
  }

  /** Computes the figures of {@code key} afresh and keeps them (the warm-up). */
  Figures refresh(Key key, Supplier<Figures> compute) {
    return get(key, compute, true);
  }

  private Figures get(Key key, Supplier<Figures> compute, boolean fresh) {
    if (properties.getKeepFor().isZero()) {
      return compute.get();
    }
    Instant now = clock.instant();
    Entry entry;
    boolean mine = false;
    synchronized (entries) {
      entry = entries.get(key);
      if (fresh || entry == null || expired(entry, now)) {
        entry = new Entry(new CompletableFuture<>(), now);
        entries.put(key, entry);
        mine = true;
      }
    }
    if (mine) {
      try {
        entry.figures().complete(compute.get());
      } catch (RuntimeException e) {
        entry.figures().completeExceptionally(e);
        synchronized (entries) {
          entries.remove(key, entry);
        }
        throw e;
      }
    }
    try {
      return entry.figures().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private boolean expired(Entry entry, Instant now) {
    return now.isBefore(entry.computedAt()) || !now.isBefore(entry.computedAt().plus(properties.getKeepFor()));
  }
}
