package dev.silica.numerics.compress;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Canonical Huffman coding of small integer symbols (weight-cluster indices and relative sparse
 * indexes; DC §4).
 *
 * <h2>Construction</h2>
 *
 * <p>Code lengths come from Huffman's algorithm on the symbol counts (symbols with count 0 get no
 * code). Ties in the priority queue break by the smallest symbol in the subtree, then by creation
 * order, so the lengths are deterministic. A one-symbol alphabet gets a 1-bit code. Codes are then
 * assigned canonically (DEFLATE, RFC 1951 §3.2.2): by increasing length, and by symbol within a
 * length, each code being the previous plus one shifted left by the length difference.
 *
 * <h2>Accounting</h2>
 *
 * <p>The payload is exactly {@code Σ_s count(s)·len(s)} bits; a canonical code is transmitted by
 * its lengths alone ({@link #tableBits}: one {@code lengthBits}-bit length per symbol of the
 * alphabet), which is small against the payload and reported separately.
 */
public final class HuffmanCode {
  private final int[] lengths;
  private final long[] codes;

  private HuffmanCode(int[] lengths) {
    this.lengths = lengths;
    this.codes = canonicalCodes(lengths);
  }

  /** The optimal prefix code for symbol counts {@code counts[s]}. */
  public static HuffmanCode fromCounts(long[] counts) {
    int n = counts.length;
    int[] len = new int[n];
    record Node(long weight, int minSymbol, int order, Node left, Node right, int symbol) {}
    PriorityQueue<Node> q =
        new PriorityQueue<>((a, b) -> {
          int c = Long.compare(a.weight, b.weight);
          if (c != 0) {
            return c;
          }
          c = Integer.compare(a.minSymbol, b.minSymbol);
          return c != 0 ? c : Integer.compare(a.order, b.order);
        });
    int order = 0;
    for (int s = 0; s < n; s++) {
      if (counts[s] < 0) {
        throw new IllegalArgumentException("huffman: counts must be >= 0, got " + counts[s]);
      }
      if (counts[s] > 0) {
        q.add(new Node(counts[s], s, order++, null, null, s));
      }
    }
    if (q.size() == 1) {
      len[q.peek().symbol] = 1;
    }
    while (q.size() > 1) {
      Node a = q.poll();
      Node b = q.poll();
      q.add(new Node(a.weight + b.weight, Math.min(a.minSymbol, b.minSymbol), order++, a, b, -1));
    }
    if (!q.isEmpty() && q.peek().symbol < 0) {
      // iterative depth assignment
      java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
      stack.push(new Object[] {q.peek(), 0});
      while (!stack.isEmpty()) {
        Object[] e = stack.pop();
        Node nd = (Node) e[0];
        int d = (Integer) e[1];
        if (nd.symbol >= 0) {
          len[nd.symbol] = d;
        } else {
          stack.push(new Object[] {nd.left, d + 1});
          stack.push(new Object[] {nd.right, d + 1});
        }
      }
    }
    return new HuffmanCode(len);
  }

  /** A canonical code from given lengths (0 = symbol absent); lengths must satisfy Kraft. */
  public static HuffmanCode fromLengths(int[] lengths) {
    double kraft = 0;
    for (int l : lengths) {
      if (l < 0 || l > 62) {
        throw new IllegalArgumentException("huffman: code lengths must be in [0, 62], got " + l);
      }
      if (l > 0) {
        kraft += Math.pow(2, -l);
      }
    }
    if (kraft > 1 + 1e-12) {
      throw new IllegalArgumentException(
          "huffman: lengths must satisfy Kraft's inequality, got sum " + kraft);
    }
    return new HuffmanCode(lengths.clone());
  }

  /** Code length of {@code symbol} in bits (0 when the symbol has no code). */
  public int length(int symbol) {
    return lengths[symbol];
  }

  /** Canonical code word of {@code symbol}, right-aligned. */
  public long code(int symbol) {
    return codes[symbol];
  }

  /** All code lengths. */
  public int[] lengths() {
    return lengths.clone();
  }

  /** Exact payload bits for {@code counts}: {@code Σ count(s)·len(s)}. */
  public long encodedBits(long[] counts) {
    long bits = 0;
    for (int s = 0; s < counts.length; s++) {
      if (counts[s] > 0 && lengths[s] == 0) {
        throw new IllegalArgumentException("huffman: symbol " + s + " has no code");
      }
      bits += counts[s] * lengths[s];
    }
    return bits;
  }

  /** Bits to transmit the canonical table: {@code alphabet size · lengthBits}. */
  public long tableBits(int lengthBits) {
    return (long) lengths.length * lengthBits;
  }

  /** Average bits per symbol for {@code counts}. */
  public double averageLength(long[] counts) {
    long total = Arrays.stream(counts).sum();
    return total == 0 ? 0 : (double) encodedBits(counts) / total;
  }

  /**
   * Shannon entropy of {@code counts} in bits per symbol (the lower bound of the average length).
   */
  public static double entropy(long[] counts) {
    long total = Arrays.stream(counts).sum();
    double h = 0;
    for (long c : counts) {
      if (c > 0) {
        double p = (double) c / total;
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    return h;
  }

  /**
   * A bit string: bit {@code i} is bit {@code 63 − i % 64} of {@code words[i / 64]} (MSB first).
   */
  public record Bits(long[] words, long length) {
    /** Bit {@code i}. */
    public int get(long i) {
      return (int) (words[(int) (i >>> 6)] >>> (63 - (i & 63))) & 1;
    }
  }

  /** Encodes {@code symbols} MSB-first. */
  public Bits encode(int[] symbols) {
    long total = 0;
    for (int s : symbols) {
      if (s < 0 || s >= lengths.length || lengths[s] == 0) {
        throw new IllegalArgumentException("huffman: symbol " + s + " has no code");
      }
      total += lengths[s];
    }
    long[] words = new long[(int) ((total + 63) >>> 6)];
    long pos = 0;
    for (int s : symbols) {
      long c = codes[s];
      for (int b = lengths[s] - 1; b >= 0; b--) {
        if (((c >>> b) & 1) != 0) {
          words[(int) (pos >>> 6)] |= 1L << (63 - (pos & 63));
        }
        pos++;
      }
    }
    return new Bits(words, total);
  }

  /** Decodes {@code bits} back to symbols (canonical decoding by first code per length). */
  public int[] decode(Bits bits) {
    int maxLen = Arrays.stream(lengths).max().orElse(0);
    // canonical decode tables
    long[] firstCode = new long[maxLen + 2];
    int[] count = new int[maxLen + 2];
    for (int l : lengths) {
      if (l > 0) {
        count[l]++;
      }
    }
    int[] sortedSymbols = sortedSymbols();
    int[] firstIndex = new int[maxLen + 2];
    long code = 0;
    int index = 0;
    for (int l = 1; l <= maxLen; l++) {
      code = (code + count[l - 1]) << 1;
      firstCode[l] = code;
      firstIndex[l] = index;
      index += count[l];
    }
    java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
    long pos = 0;
    while (pos < bits.length()) {
      long c = 0;
      int l = 0;
      while (true) {
        if (pos >= bits.length() || l >= maxLen) {
          throw new IllegalArgumentException(
              "huffman: truncated or invalid bit string at bit " + pos);
        }
        c = (c << 1) | bits.get(pos++);
        l++;
        if (count[l] > 0 && c - firstCode[l] < count[l] && c >= firstCode[l]) {
          out.add(sortedSymbols[firstIndex[l] + (int) (c - firstCode[l])]);
          break;
        }
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private int[] sortedSymbols() {
    return java.util.stream.IntStream.range(0, lengths.length)
        .filter(s -> lengths[s] > 0)
        .boxed()
        .sorted((a, b) ->
            lengths[a] != lengths[b]
                ? Integer.compare(lengths[a], lengths[b])
                : Integer.compare(a, b))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static long[] canonicalCodes(int[] lengths) {
    int maxLen = Arrays.stream(lengths).max().orElse(0);
    int[] count = new int[maxLen + 1];
    for (int l : lengths) {
      if (l > 0) {
        count[l]++;
      }
    }
    long[] next = new long[maxLen + 2];
    long code = 0;
    for (int l = 1; l <= maxLen; l++) {
      code = (code + count[l - 1]) << 1; // RFC 1951 §3.2.2 step 2 (count[0] = 0)
      next[l] = code;
    }
    long[] codes = new long[lengths.length];
    for (int s = 0; s < lengths.length; s++) {
      if (lengths[s] > 0) {
        codes[s] = next[lengths[s]]++;
      }
    }
    return codes;
  }
}
