package dev.silica.simulator.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * All spec error messages, in one place so the error-message tests stay stable. Style: {@code
 * <file>:<line>: <key>: must <rule>, got <value>[ (expected one of: …)]}.
 */
public final class SpecMessages {
  private SpecMessages() {}

  static String locate(String file, int line) {
    if (file == null || file.isEmpty()) {
      return "";
    }
    return line > 0 ? file + ":" + line + ": " : file + ": ";
  }

  static String mustBe(String path, String rule, String got) {
    return (path.isEmpty() ? "" : path + ": ") + "must be " + rule + ", got " + got;
  }

  static String unknownKey(String parentPath, String key, Collection<String> valid) {
    String full = join(parentPath, key);
    StringBuilder sb = new StringBuilder("unknown key '").append(full).append("' (");
    nearest(key, valid)
        .ifPresent(s -> sb.append("did you mean '").append(join(parentPath, s)).append("'? "));
    sb.append("valid: ").append(String.join(", ", valid)).append(')');
    return sb.toString();
  }

  static String join(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /**
   * The closest candidate to {@code word} when it is plausibly a typo: Levenshtein distance at most
   * max(2, length / 3). Ties go to the first candidate in iteration order.
   */
  public static Optional<String> nearest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = levenshtein(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    int limit = Math.max(2, word.length() / 3);
    return best != null && bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }

  /** Up to {@code n} candidates sorted by edit distance to {@code word} (then alphabetically). */
  public static List<String> nearestN(String word, Collection<String> candidates, int n) {
    List<String> sorted = new ArrayList<>(candidates);
    sorted.sort(
        Comparator.comparingInt((String c) -> levenshtein(word, c))
            .thenComparing(Comparator.naturalOrder()));
    return List.copyOf(sorted.subList(0, Math.min(n, sorted.size())));
  }

  /** Classic edit distance (insert, delete, substitute, each cost 1). */
  public static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
