package dev.silica.testkit;

import java.util.SplittableRandom;

/**
 * Seeded mutations of a valid text for parser fuzz tests: the text forms of the IR and of the ISAs
 * must answer every mutant with their own positioned error, never another exception.
 */
public final class TextMutator {
  private TextMutator() {}

  /**
   * One to three random edits of {@code base}: delete, insert or replace a character drawn from
   * {@code alphabet}, delete a span of up to 20, duplicate a span of up to 40 elsewhere, swap two
   * lines, or truncate. The result depends only on {@code base}, {@code alphabet} and the state of
   * {@code random}.
   */
  public static String mutate(String base, String alphabet, SplittableRandom random) {
    StringBuilder s = new StringBuilder(base);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && !s.isEmpty(); e++) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(7)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        case 2 -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        case 3 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(20)));
        case 4 -> {
          int end = Math.min(s.length(), at + 1 + random.nextInt(40));
          s.insert(random.nextInt(s.length()), s.substring(at, end));
        }
        case 5 -> {
          String[] lines = s.toString().split("\n", -1);
          int a = random.nextInt(lines.length);
          int b = random.nextInt(lines.length);
          String t = lines[a];
          lines[a] = lines[b];
          lines[b] = t;
          s = new StringBuilder(String.join("\n", lines));
        }
        default -> s.setLength(at);
      }
    }
    return s.toString();
  }
}
