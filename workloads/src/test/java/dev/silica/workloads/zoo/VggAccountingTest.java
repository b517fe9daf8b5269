package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.GraphStats;
import org.junit.jupiter.api.Test;

class VggAccountingTest {
  @Test
  void vgg16() {
    GraphStats s = Zoo.build("vgg16").stats();
    // 138,357,544 parameters: torchvision vgg16; papers-inputs §8.3 (weights 138,344,128 + biases
    // 13,416)
    assertThat(s.parameters()).isEqualTo(138_357_544L);
    // 15.47 G MACs at 224x224: papers-inputs §8.3 [D] (Sze: 15.5G)
    assertThat(s.macs()).isBetween(15_465_000_000L, 15_475_000_000L);
    // CS231n per-layer activation table sums to 15,237,608 values (papers-inputs §8.3 check [D])
    assertThat(s.activationValues()).isEqualTo(15_237_608L);
  }
}
