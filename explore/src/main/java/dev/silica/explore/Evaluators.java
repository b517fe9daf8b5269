package dev.silica.explore;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Process-wide registry of evaluators by name. Distributed executors ship only the evaluator's name
 * with each point; every cluster member looks it up here, so each member process must register the
 * same evaluator under the same name before it joins (the command line does this at start-up; tests
 * register in the test JVM, which hosts all members).
 */
public final class Evaluators {
  private static final Map<String, Evaluator> REGISTRY = new ConcurrentHashMap<>();

  private Evaluators() {}

  /** Registers (or replaces) {@code evaluator} under {@code name}. */
  public static void register(String name, Evaluator evaluator) {
    REGISTRY.put(name, evaluator);
  }

  /** Removes the evaluator called {@code name}, if any. */
  public static void unregister(String name) {
    REGISTRY.remove(name);
  }

  /** The evaluator called {@code name}, or throws listing every registered name. */
  public static Evaluator get(String name) {
    Evaluator e = REGISTRY.get(name);
    if (e == null) {
      throw new IllegalArgumentException(
          "no evaluator '"
              + name
              + "' registered (registered: "
              + new TreeMap<>(REGISTRY).keySet()
              + ")");
    }
    return e;
  }
}
