package dev.silica.numerics.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HuffmanCodeTest {
  @Test
  void textbookExample() {
    // CLRS 3rd ed. §16.3, Fig. 16.4: a:45 b:13 c:12 d:16 e:9 f:5 (thousands) → 224,000 bits;
    // code lengths a 1, b c d 3, e f 4.
    long[] counts = {45, 13, 12, 16, 9, 5};
    HuffmanCode h = HuffmanCode.fromCounts(counts);
    assertThat(h.lengths()).containsExactly(1, 3, 3, 3, 4, 4);
    assertThat(h.encodedBits(counts)).isEqualTo(224);
    // canonical codes: a 0, b 100, c 101, d 110, e 1110, f 1111
    assertThat(h.code(0)).isEqualTo(0b0);
    assertThat(h.code(1)).isEqualTo(0b100);
    assertThat(h.code(2)).isEqualTo(0b101);
    assertThat(h.code(3)).isEqualTo(0b110);
    assertThat(h.code(4)).isEqualTo(0b1110);
    assertThat(h.code(5)).isEqualTo(0b1111);
    HuffmanCode.Bits bits = h.encode(new int[] {5, 0, 1});
    assertThat(bits.length()).isEqualTo(8);
    assertThat(bits.words()[0] >>> 56).isEqualTo(0b11110100L);
  }

  @Test
  void dyadicDistributionMeetsTheEntropy() {
    // p = 1/2, 1/4, 1/8, 1/8: lengths 1, 2, 3, 3, average = entropy = 1.75 bits
    long[] counts = {4, 2, 1, 1};
    HuffmanCode h = HuffmanCode.fromCounts(counts);
    assertThat(h.averageLength(counts)).isEqualTo(1.75);
    assertThat(HuffmanCode.entropy(counts)).isEqualTo(1.75);
  }

  @Test
  void singleSymbolAndAbsentSymbols() {
    long[] counts = {0, 7, 0};
    HuffmanCode h = HuffmanCode.fromCounts(counts);
    assertThat(h.lengths()).containsExactly(0, 1, 0);
    assertThat(h.encodedBits(counts)).isEqualTo(7);
    assertThat(h.decode(h.encode(new int[] {1, 1, 1}))).containsExactly(1, 1, 1);
    assertThatThrownBy(() -> h.encode(new int[] {0})).hasMessage("huffman: symbol 0 has no code");
  }

  @Test
  void roundTripOnGeometricSymbolsWithinOneBitOfEntropy() {
    // relative indexes of a 10%-dense stream are geometric; 4-bit alphabet
    SplittableRandom r = new SplittableRandom(17);
    int[] s = new int[100_000];
    long[] counts = new long[16];
    for (int i = 0; i < s.length; i++) {
      int g = 0;
      while (g < 15 && r.nextDouble() > 0.1) {
        g++;
      }
      s[i] = g;
      counts[g]++;
    }
    HuffmanCode h = HuffmanCode.fromCounts(counts);
    HuffmanCode.Bits bits = h.encode(s);
    assertThat(bits.length()).isEqualTo(h.encodedBits(counts));
    assertThat(h.decode(bits)).isEqualTo(s);
    double avg = h.averageLength(counts);
    double ent = HuffmanCode.entropy(counts);
    assertThat(avg).isBetween(ent, ent + 1);
    // Kraft equality holds for a complete Huffman code
    double kraft = 0;
    for (int l : h.lengths()) {
      kraft += l > 0 ? Math.pow(2, -l) : 0;
    }
    assertThat(kraft).isEqualTo(1.0);
  }

  @Test
  void fromLengthsRejectsNonPrefixCodes() {
    assertThatThrownBy(() -> HuffmanCode.fromLengths(new int[] {1, 1, 1}))
        .hasMessageContaining("Kraft");
  }
}
