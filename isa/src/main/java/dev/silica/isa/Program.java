package dev.silica.isa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered, immutable sequence of one target's instructions, with a name and string metadata
 * (where it was lowered from, the batch size, ...).
 *
 * <p>Names and metadata values are single words: one or more characters, none of them blank, {@code
 * #} or a control character, so every program has a text form. Metadata keys are {@code
 * lower_snake} words that may contain dots ({@code lowered_from}, {@code layer.name}). Metadata
 * keeps insertion order for printing; equality, like {@link Map#equals}, ignores it.
 *
 * @param <I> the target's instruction type
 * @param name the program's name
 * @param instructions the instructions in execution order
 * @param metadata free-form key/value annotations
 */
public record Program<I extends Instr>(
    String name, List<I> instructions, Map<String, String> metadata) {

  /** The name of a program whose text gives none. */
  public static final String DEFAULT_NAME = "main";

  /** Validates and copies; the lists and maps of a program never change. */
  public Program {
    checkWord("program name", name);
    instructions = List.copyOf(instructions);
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      checkMetadataKey(e.getKey());
      checkWord("metadata value of '" + e.getKey() + "'", e.getValue());
      copy.put(e.getKey(), e.getValue());
    }
    metadata = Collections.unmodifiableMap(copy);
  }

  /** A program without metadata. */
  public Program(String name, List<I> instructions) {
    this(name, instructions, Map.of());
  }

  /** A program without metadata. */
  @SafeVarargs
  public static <I extends Instr> Program<I> of(String name, I... instructions) {
    List<I> list = new ArrayList<>(instructions.length);
    for (I instr : instructions) {
      list.add(instr);
    }
    return new Program<>(name, list);
  }

  /** Number of instructions. */
  public int size() {
    return instructions.size();
  }

  /** The instruction at {@code index} (0-based). */
  public I get(int index) {
    return instructions.get(index);
  }

  /** A copy with one more metadata entry (replacing an existing key). */
  public Program<I> withMetadata(String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(metadata);
    m.put(key, value);
    return new Program<>(name, instructions, m);
  }

  /**
   * Checks a metadata key: a lower-case letter, then lower-case letters, digits, {@code _} or
   * {@code .}.
   *
   * @throws IllegalArgumentException naming the rule and the key
   */
  public static void checkMetadataKey(String key) {
    Objects.requireNonNull(key, "metadata key");
    boolean ok = !key.isEmpty() && key.charAt(0) >= 'a' && key.charAt(0) <= 'z';
    for (int i = 0; ok && i < key.length(); i++) {
      char c = key.charAt(i);
      ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "metadata key must be a lower-case word ([a-z][a-z0-9_.]*), got "
              + AssemblyException.quote(key));
    }
  }

  /**
   * Checks a program name or metadata value: non-empty, with no blank, {@code #} or control
   * character.
   *
   * @param what what the word is, for the message
   * @throws IllegalArgumentException naming the rule and the word
   */
  public static void checkWord(String what, String word) {
    Objects.requireNonNull(word, what);
    boolean ok = !word.isEmpty();
    for (int i = 0; ok && i < word.length(); i++) {
      char c = word.charAt(i);
      ok = !Character.isWhitespace(c) && !Character.isISOControl(c) && !Character.isSpaceChar(c);
      ok &= c != '#';
    }
    if (!ok) {
      throw new IllegalArgumentException(
          what
              + " must be one word without blanks, '#' or control characters, got "
              + AssemblyException.quote(word));
    }
  }
}
