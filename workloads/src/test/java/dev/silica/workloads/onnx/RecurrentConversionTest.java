package dev.silica.workloads.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silica.testkit.TestData;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Gru;
import dev.silica.workloads.ir.Lstm;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.Rnn;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recurrent weight conversion is numerically right: the imported IR weights, run through the
 * IR's own cell equations (a plain reference written here, IR gate order and bias convention),
 * reproduce the final hidden state ONNX expects ({@code output_0.pb} of the node tests, computed by
 * ONNX's reference implementation with ONNX's gate order).
 */
class RecurrentConversionTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "test_lstm_defaults",
        "test_lstm_with_initial_bias",
        "test_gru_defaults",
        "test_gru_with_initial_bias",
        "test_gru_seq_length",
        "test_simple_rnn_defaults",
        "test_simple_rnn_with_initial_bias",
        "test_rnn_seq_length"
      })
  void importedWeightsReproduceOnnxFinalState(String test) {
    Path dir = TestData.require(OnnxNodeTestsImportTest.NODE.resolve(test), "libonnx-testdata");
    Map<String, InitializerData> frozen = new LinkedHashMap<>();
    String[] names = {"W", "R", "B"};
    for (int i = 1; i <= 3; i++) {
      Path pb = dir.resolve("test_data_set_0/input_" + i + ".pb");
      if (pb.toFile().isFile()) {
        frozen.put(names[i - 1], OnnxTensors.read(pb).data());
      }
    }
    ImportedModel m = OnnxImporter.read(dir.resolve("model.onnx"), frozen);
    Graph g = m.graph();
    Node cell = g.nodes().getFirst();
    InitializerData x = OnnxTensors.read(dir.resolve("test_data_set_0/input_0.pb")).data();
    InitializerData expected = OnnxTensors.read(dir.resolve("test_data_set_0/output_0.pb")).data();
    List<float[]> w =
        cell.inputs().stream()
            .skip(1)
            .map(id ->
                m.initializers().containsKey(id)
                    ? m.initializers().get(id).floats()
                    : literal(g.value(id).literal()))
            .toList();
    int t = x.dims().get(0);
    int n = x.dims().get(1);
    int d = x.dims().get(2);
    float[] h =
        switch (cell.op()) {
          case Lstm l -> lstm(x.floats(), t, n, d, l.hiddenSize(), w);
          case Gru gr -> gru(x.floats(), t, n, d, gr.hiddenSize(), gr.linearBeforeReset(), w);
          case Rnn r -> rnn(x.floats(), t, n, d, r.hiddenSize(), w);
          default -> throw new AssertionError(cell.op());
        };
    assertThat(expected.size()).isEqualTo(h.length);
    for (int i = 0; i < h.length; i++) {
      assertThat(h[i]).as("%s h[%d]", test, i).isCloseTo(expected.floats()[i], within(1e-5f));
    }
  }

  static float[] literal(List<Float> l) {
    float[] f = new float[l.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = l.get(i);
    }
    return f;
  }

  /** {@code a[n][g] = bias[g] + Σ_k x[n][k]·Wx[k][g] + Σ_k h[n][k]·Wh[k][g]}. */
  static float[] pre(
      float[] x,
      int xo,
      int d,
      float[] wx,
      float[] h,
      int hd,
      float[] wh,
      int gcols,
      float[] bias,
      int n) {
    float[] a = new float[n * gcols];
    for (int b = 0; b < n; b++) {
      for (int c = 0; c < gcols; c++) {
        double s = bias == null ? 0 : bias[c];
        for (int k = 0; k < d; k++) {
          s += x[xo + b * d + k] * wx[k * gcols + c];
        }
        if (wh != null) {
          for (int k = 0; k < hd; k++) {
            s += h[b * hd + k] * wh[k * gcols + c];
          }
        }
        a[b * gcols + c] = (float) s;
      }
    }
    return a;
  }

  static float sigmoid(float v) {
    return (float) (1 / (1 + Math.exp(-v)));
  }

  /** IR LSTM: gates i, f, o, g; c = f·c + i·g; h = o·tanh(c). */
  static float[] lstm(float[] x, int t, int n, int d, int hs, List<float[]> w) {
    float[] h = new float[n * hs];
    float[] c = new float[n * hs];
    for (int s = 0; s < t; s++) {
      float[] a = pre(x, s * n * d, d, w.get(0), h, hs, w.get(1), 4 * hs, w.get(2), n);
      for (int b = 0; b < n; b++) {
        for (int j = 0; j < hs; j++) {
          int o = b * 4 * hs;
          float i = sigmoid(a[o + j]);
          float f = sigmoid(a[o + hs + j]);
          float og = sigmoid(a[o + 2 * hs + j]);
          float gg = (float) Math.tanh(a[o + 3 * hs + j]);
          c[b * hs + j] = f * c[b * hs + j] + i * gg;
          h[b * hs + j] = og * (float) Math.tanh(c[b * hs + j]);
        }
      }
    }
    return h;
  }

  /** IR GRU: gates z, r, n with separate input and recurrent biases. */
  static float[] gru(float[] x, int t, int n, int d, int hs, boolean lbr, List<float[]> w) {
    float[] h = new float[n * hs];
    int g = 3 * hs;
    for (int s = 0; s < t; s++) {
      float[] ax = pre(x, s * n * d, d, w.get(0), null, 0, null, g, w.get(2), n);
      float[] ah = pre(h, 0, hs, w.get(1), null, 0, null, g, w.get(3), n);
      float[] next = new float[n * hs];
      for (int b = 0; b < n; b++) {
        for (int j = 0; j < hs; j++) {
          int o = b * g;
          float z = sigmoid(ax[o + j] + ah[o + j]);
          float r = sigmoid(ax[o + hs + j] + ah[o + hs + j]);
          float cand;
          if (lbr) {
            cand = (float) Math.tanh(ax[o + 2 * hs + j] + r * ah[o + 2 * hs + j]);
          } else {
            double s2 = ax[o + 2 * hs + j] + w.get(3)[2 * hs + j];
            float[] rh = new float[hs];
            for (int k = 0; k < hs; k++) {
              float rk = sigmoid(ax[o + hs + k] + ah[o + hs + k]);
              rh[k] = rk * h[b * hs + k];
            }
            for (int k = 0; k < hs; k++) {
              s2 += rh[k] * w.get(1)[k * g + 2 * hs + j];
            }
            cand = (float) Math.tanh(s2);
          }
          next[b * hs + j] = (1 - z) * cand + z * h[b * hs + j];
        }
      }
      h = next;
    }
    return h;
  }

  /** IR RNN: h = tanh(x·Wx + h·Wh + b). */
  static float[] rnn(float[] x, int t, int n, int d, int hs, List<float[]> w) {
    float[] h = new float[n * hs];
    for (int s = 0; s < t; s++) {
      float[] a = pre(x, s * n * d, d, w.get(0), h, hs, w.get(1), hs, w.get(2), n);
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) Math.tanh(a[i]);
      }
      h = a;
    }
    return h;
  }
}
