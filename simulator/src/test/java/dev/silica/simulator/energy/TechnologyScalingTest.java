package dev.silica.simulator.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TechnologyScalingTest {
  @Test
  void publishedFactorsForTheTargetNodes() {
    // gpu-cpu-specs §4.4: energy vs 45 nm at Vdd 0.8 V: 28 nm 0.51, 16 nm 0.17, 7 nm 0.094;
    // at 1.0 V: 0.51, 0.20, 0.11; area vs 45 nm: 0.38, 0.19, 0.059.
    assertThat(TechnologyScaling.of(28).energyVs45(TechnologyScaling.Vdd.V0_8)).isEqualTo(0.51);
    assertThat(TechnologyScaling.of(16).energyVs45(TechnologyScaling.Vdd.V0_8)).isEqualTo(0.17);
    assertThat(TechnologyScaling.of(7).energyVs45(TechnologyScaling.Vdd.V0_8)).isEqualTo(0.094);
    assertThat(TechnologyScaling.of(16).energyVs45(TechnologyScaling.Vdd.V1_0)).isEqualTo(0.20);
    assertThat(TechnologyScaling.of(7).energyVs45(TechnologyScaling.Vdd.V1_0)).isEqualTo(0.11);
    assertThat(TechnologyScaling.of(28).areaVs45()).isEqualTo(0.38);
    assertThat(TechnologyScaling.of(16).areaVs45()).isEqualTo(0.19);
    assertThat(TechnologyScaling.of(7).areaVs45()).isEqualTo(0.059);
    // 28 nm is the linear interpolation between 32 and 20 nm (gpu-cpu-specs §4.4 footnote)
    assertThat(TechnologyScaling.of(28).areaVs45())
        .isCloseTo(0.46 + (0.21 - 0.46) * 4 / 12, within(0.005));
  }

  @Test
  void scaledTablesMultiplyEveryValueAndSaySo() {
    EnergyTable at7 = EnergyTable.horowitz45nm().scaledTo(7);
    assertThat(at7.name()).isEqualTo("horowitz-45nm@7nm");
    assertThat(at7.technologyNm()).isEqualTo(7);
    // int32 add 0.1 pJ x 0.094
    TableEntry add = at7.lookup(Action.of("add.int32")).orElseThrow();
    assertThat(add.value()).isCloseTo(0.0094, within(1e-12));
    assertThat(add.source()).contains("x 0.094 from 45 nm to 7 nm").contains("Stillmaker");
    assertThat(add.table()).isEqualTo("horowitz-45nm@7nm");
    // derived values scale too: mac.int8 0.3 pJ x 0.094
    assertThat(at7.energyPj(Action.mac("int8"))).isCloseTo(0.3 * 0.094, within(1e-12));
    // back from 7 to 16 nm composes: 0.094 -> 0.17
    assertThat(at7.scaledTo(16).energyPj(Action.of("add.int32")))
        .isCloseTo(0.1 * 0.17, within(1e-12));
    assertThat(at7.scaledTo(16).name()).isEqualTo("horowitz-45nm@16nm");
    AreaTable a16 = AreaTable.horowitz45nm().scaledTo(16);
    assertThat(a16.areaUm2(ComponentKind.of("mult.int8"))).isCloseTo(282 * 0.19, within(1e-9));
  }

  @Test
  void unknownNodesListTheKnownOnes() {
    assertThatThrownBy(() -> TechnologyScaling.of(5))
        .hasMessageStartingWith("technology node must be one of 130 nm, 90 nm")
        .hasMessageEndingWith("7 nm, got 5 nm");
  }
}
