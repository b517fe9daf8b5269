package dev.silica.accelerators.eie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.accelerators.Accelerators;
import dev.silica.simulator.spec.InvalidSpecException;
import dev.silica.simulator.spec.SpecNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EIE accelerator specs: a preset plus overrides, and the echo of a run read back. */
class EieSpecTest {
  private static SpecNode spec(Map<String, Object> m) {
    return SpecNode.fromPlain("eie.yaml", m);
  }

  @Test
  void presetWithOverridesAndTheEchoRoundTrip() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", "eie");
    m.put("preset", "eie-64");
    m.put("pes", 32);
    m.put("fifo_depth", 4);
    EieConfig c = EieConfig.fromSpec(spec(m));
    assertThat(c).isEqualTo(EieConfig.eie64().withPes(32).withFifoDepth(4).withName("eie-64"));
    // the resolved echo of a configuration rebuilds it
    assertThat(EieConfig.fromSpec(spec(c.toMap()))).isEqualTo(c);
    assertThat(Accelerators.fromSpec(spec(m))).isInstanceOf(EieModel.class);
  }

  @Test
  void badKeysAndValuesNameTheKey() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", "eie");
    m.put("preset", "eie-64");
    m.put("fifo_dept", 4);
    assertThatThrownBy(() -> EieConfig.fromSpec(spec(m)))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("fifo_dept");
    Map<String, Object> z = new LinkedHashMap<>(EieConfig.eie64().toMap());
    z.put("pes", 300);
    assertThatThrownBy(() -> EieConfig.fromSpec(spec(z)))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("pes must be in 1..256, got 300");
    z.put("pes", 64);
    z.put("activation_format", "q8.4");
    assertThatThrownBy(() -> EieConfig.fromSpec(spec(z)))
        .hasMessageContaining(
            "activation_format: must be a 16-bit fixed-point format qM.N, got 'q8.4'");
  }
}
