package dev.silica.workloads.zoo;

import java.util.List;

/**
 * The recurrent and reinforcement-learning models: the character-level LSTM, image captioning, the
 * NeuralTalk layers of the EIE paper, the TPU paper's applications and the DQN Atari network.
 */
final class SequenceModels {
  private SequenceModels() {}

  static List<ZooModel> all() {
    return List.of(
        new ZooModel(
            "char-lstm",
            "character-level LSTM language model, vocab 65, 2x512 LSTM, 100 steps x batch 1",
            "Karpathy char-rnn (karpathy/char-rnn model/LSTM.lua); CS231n lecture 10",
            CharRnn::charLstm),
        new ZooModel(
            "gru-lm",
            "character-level GRU language model, vocab 65, 2x512 GRU, 100 steps x batch 1",
            "Karpathy char-rnn (karpathy/char-rnn model/GRU.lua); Cho et al. 2014",
            CharRnn::gruLm),
        new ZooModel(
            "rnn-lm",
            "character-level vanilla (tanh) RNN language model, vocab 65, 2x512, 100 steps",
            "Karpathy char-rnn (karpathy/char-rnn model/RNN.lua); CS231n lecture 10",
            CharRnn::rnnLm),
        new ZooModel(
            "captioning",
            "VGG-16 fc7 encoder + one LSTM(512) decoder step, vocab 10,000, 1x3x224x224",
            "CS231n lecture 10 / assignment 3 captioning model; Karpathy & Fei-Fei NeuralTalk",
            Captioning::captioning),
        new ZooModel(
            "neuraltalk-eie",
            "NeuralTalk We 4096x600, LSTM 1201x2400, Wd 600x8791; image step + START word",
            "Han et al., EIE, ISCA 2016, Table III; karpathy/neuraltalk imagernn/",
            Captioning::neuralTalkEie),
        new ZooModel(
            "tpu-mlp0",
            "TPU MLP0 stand-in: 5 FC layers 2000 wide, ReLU, batch 200",
            "Jouppi et al., ISCA 2017, Table 1 (widths are the zoo's choice)",
            TpuApps::mlp0),
        new ZooModel(
            "tpu-lstm0",
            "TPU LSTM0 stand-in: 6 LSTM(1024) layers, one step, 24 FC + 34 vector, batch 64",
            "Jouppi et al., ISCA 2017, Table 1 (widths are the zoo's choice)",
            TpuApps::lstm0),
        new ZooModel(
            "tpu-cnn0",
            "TPU CNN0 stand-in: 16-conv Go policy network on 19x19, 248 filters, batch 8",
            "Jouppi et al., ISCA 2017, Table 1 (widths are the zoo's choice)",
            TpuApps::cnn0),
        new ZooModel(
            "dqn",
            "DQN Atari network, 1x4x84x84, 18 actions",
            "Mnih et al., Nature 2015, Methods: Model architecture",
            Dqn::dqn));
  }
}
