package dev.silica.simulator.energy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How many times each component did each {@link Action}: a primitive-backed map from (component,
 * action) to a {@code long} count, in first-use order.
 *
 * <p>Hot path: resolve a slot once ({@link #slot(String, Action)}, e.g. in a run object's
 * constructor) and then call {@link #addAt(int, long)}, which is an array add. {@link #add(String,
 * Action, long)} hashes on every call and is for cold code.
 *
 * <p>Mutable while a run counts; {@link #frozen()} gives an immutable copy for results. Equality is
 * by content: the same non-zero counts for the same keys, in any order.
 */
public final class ActionCounts {
  /** One count. */
  public record Entry(String component, Action action, long count) {}

  private record Key(String component, Action action) {}

  private final Map<Key, Integer> index = new HashMap<>();
  private Key[] keys = new Key[8];
  private long[] counts = new long[8];
  private int size;
  private final boolean frozen;

  public ActionCounts() {
    this(false);
  }

  private ActionCounts(boolean frozen) {
    this.frozen = frozen;
  }

  /** The slot of (component, action), created with count 0 if new. */
  public int slot(String component, Action action) {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(action, "action");
    Key k = new Key(component, action);
    Integer i = index.get(k);
    if (i != null) {
      return i;
    }
    checkMutable();
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      counts = Arrays.copyOf(counts, size * 2);
    }
    keys[size] = k;
    index.put(k, size);
    return size++;
  }

  /** Adds {@code n} to the count in {@code slot}. */
  public void addAt(int slot, long n) {
    checkMutable();
    counts[slot] += n;
  }

  /** Adds {@code n} occurrences of {@code action} by {@code component}. */
  public void add(String component, Action action, long n) {
    addAt(slot(component, action), n);
  }

  /** Adds every count of {@code other}. */
  public void addAll(ActionCounts other) {
    for (int i = 0; i < other.size; i++) {
      add(other.keys[i].component(), other.keys[i].action(), other.counts[i]);
    }
  }

  /** The count for (component, action); 0 when never counted. */
  public long get(String component, Action action) {
    Integer i = index.get(new Key(component, action));
    return i == null ? 0 : counts[i];
  }

  /** The count of {@code action} summed over all components. */
  public long total(Action action) {
    long t = 0;
    for (int i = 0; i < size; i++) {
      if (keys[i].action().equals(action)) {
        t += counts[i];
      }
    }
    return t;
  }

  /** Number of (component, action) keys. */
  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** All counts, in first-use order. */
  public List<Entry> entries() {
    List<Entry> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(new Entry(keys[i].component(), keys[i].action(), counts[i]));
    }
    return out;
  }

  /** Counts by action key summed over components, in first-use order. */
  public Map<String, Long> byAction() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      out.merge(keys[i].action().key(), counts[i], Long::sum);
    }
    return out;
  }

  /** An immutable copy. */
  public ActionCounts frozen() {
    if (frozen) {
      return this;
    }
    ActionCounts f = new ActionCounts(false);
    f.addAll(this);
    return f.freeze();
  }

  /** A mutable copy. */
  public ActionCounts copy() {
    ActionCounts c = new ActionCounts();
    c.addAll(this);
    return c;
  }

  public boolean isFrozen() {
    return frozen;
  }

  private ActionCounts freeze() {
    ActionCounts f = new ActionCounts(true);
    f.keys = Arrays.copyOf(keys, Math.max(size, 1));
    f.counts = Arrays.copyOf(counts, Math.max(size, 1));
    f.size = size;
    f.index.putAll(index);
    return f;
  }

  /** The sum of several counts (e.g. per-layer counts into run totals), frozen. */
  public static ActionCounts sum(Collection<ActionCounts> parts) {
    ActionCounts s = new ActionCounts();
    parts.forEach(s::addAll);
    return s.frozen();
  }

  /** An empty, frozen set of counts. */
  public static ActionCounts empty() {
    return new ActionCounts(true);
  }

  private void checkMutable() {
    if (frozen) {
      throw new UnsupportedOperationException("these action counts are frozen (part of a result)");
    }
  }

  private Map<Key, Long> nonZero() {
    Map<Key, Long> m = new HashMap<>();
    for (int i = 0; i < size; i++) {
      if (counts[i] != 0) {
        m.put(keys[i], counts[i]);
      }
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActionCounts a && nonZero().equals(a.nonZero());
  }

  @Override
  public int hashCode() {
    return nonZero().hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ActionCounts{");
    for (int i = 0; i < size; i++) {
      sb.append(i == 0 ? "" : ", ")
          .append(keys[i].component())
          .append(':')
          .append(keys[i].action().key())
          .append('=')
          .append(counts[i]);
    }
    return sb.append('}').toString();
  }
}
