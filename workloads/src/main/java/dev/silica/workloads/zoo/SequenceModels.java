package dev.silica.workloads.zoo;

import java.util.List;

/**
 * The recurrent and reinforcement-learning models: the character-level LSTM, image captioning, the
 * NeuralTalk layers of the EIE paper, the TPU paper's applications and the DQN Atari network.
 */
final class SequenceModels {
  private SequenceModels() {}

  static List<ZooModel> all() {
    return List.of();
  }
}
