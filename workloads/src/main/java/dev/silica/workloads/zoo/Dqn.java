package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;

/**
 * The deep Q-network that plays Atari games (Mnih et al., "Human-level control through deep
 * reinforcement learning", Nature 2015, Methods "Model architecture"; CS231n lecture 14, deep
 * Q-learning): the state is the last four preprocessed 84×84 luminance frames and the network
 * outputs one Q-value per action.
 *
 * <p>Layers, all with bias and ReLU except the output: {@code conv1} 32 filters 8×8 stride 4 (84 →
 * 20), {@code conv2} 64 filters 4×4 stride 2 (20 → 9), {@code conv3} 64 filters 3×3 stride 1 (9 →
 * 7), no padding; {@code fc1} 7·7·64 = 3136 → 512; {@code out} 512 → {@code actions}, the linear
 * Q-values (18, the full Atari action set). Input {@code frames[1, 4, 84, 84]}.
 */
final class Dqn {
  private Dqn() {}

  /** The full Atari 2600 action set. */
  static final int ACTIONS = 18;

  static Graph dqn() {
    NetBuilder n = new NetBuilder("dqn");
    ValueId x = n.input("frames", 1, 4, 84, 84);
    x = n.convRelu("conv1", x, 32, 8, 4, 0);
    x = n.convRelu("conv2", x, 64, 4, 2, 0);
    x = n.convRelu("conv3", x, 64, 3, 1, 0);
    x = n.linearRelu("fc1", n.flatten("flatten", x), 512);
    return n.build(n.linear("out", x, ACTIONS));
  }
}
