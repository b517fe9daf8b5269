package dev.silica.simulator.energy.accelergy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.ActionCounts;
import dev.silica.simulator.energy.AreaBreakdown;
import dev.silica.simulator.energy.ComponentKind;
import dev.silica.simulator.energy.EnergyModel;
import dev.silica.simulator.energy.MissingEntryException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One action-count vector through both shipped table sets, totals worked out by hand, and the
 * Accelergy-shaped breakdown of each.
 */
class AccelergyBreakdownTest {
  private static final EnergyTableSet HOROWITZ = EnergyTables.named("horowitz-45nm");
  private static final EnergyTableSet ACCELERGY = EnergyTables.named("accelergy-45nm");

  private static ActionCounts counts() {
    ActionCounts c = new ActionCounts();
    c.add("pe_array", Action.mac("int8"), 1000);
    c.add("weights_sram", Action.sramRead(8192, 64), 100);
    c.add("dram", Action.DRAM_READ_BITS, 6400);
    c.add("pe_rf", Action.regfileRead(32), 2000);
    c.add("noc", Action.nocHop(32), 500);
    return c;
  }

  @Test
  void horowitzTotalByHand() {
    AccelergyBreakdown b = AccelergyBreakdown.of(counts(), HOROWITZ.energy());
    // mac.int8 = mult.int8 0.2 + add.int32 0.1 = 0.3 pJ; 1000 x 0.3  =    300
    // sram.read 8 KB x64: 10 pJ;                         100 x 10   =   1000
    // dram.read.bits: 640 pJ / 32 b = 20 pJ;            6400 x 20   = 128000
    // regfile.read 32 b: 1 pJ;                          2000 x 1    =   2000
    // noc.hop 32 b: 1.04128 pJ (Accelergy wire);         500 x 1.04128 = 520.64
    // total                                                          = 131820.64
    assertThat(b.totalPj()).isCloseTo(131820.64, within(1e-9));
    assertThat(b.rows().get(2).energyPj()).isEqualTo(128000.0);
    assertThat(b.rows().get(2).share()).isCloseTo(128000 / 131820.64, within(1e-15));
  }

  @Test
  void accelergyTotalByHand() {
    AccelergyBreakdown b = AccelergyBreakdown.of(counts(), ACCELERGY.energy());
    // mac.int8: mac_int8 mac_random 0.845 pJ;           1000 x 0.845   =   845
    // sram.read 8 KB x64: sram_8KB_w64 read 6.13702;     100 x 6.13702 =   613.702
    // dram.read.bits: dram_lpddr4 read 512 pJ / 64 = 8; 6400 x 8       = 51200
    // regfile.read 32 b: rf_w32_d16 read 0.06794;       2000 x 0.06794 =   135.88
    // noc.hop 32 b: hop_w32 transfer_random 1.04128;     500 x 1.04128 =   520.64
    // total                                                            = 53315.222
    assertThat(b.totalPj()).isCloseTo(53315.222, within(1e-9));
    assertThat(b.rows())
        .extracting(AccelergyBreakdown.Row::pjPerAction)
        .containsExactly(0.845, 6.13702, 8.0, 0.06794, 1.04128);
    // the same total as the simulator's own evaluation with the same table
    assertThat(b.totalPj()).isEqualTo(EnergyModel.evaluate(counts(), ACCELERGY.energy()).totalPj());
  }

  @Test
  void inAccelergyTermsCountsAreAccelergyActions() {
    AccelergyBreakdown b =
        AccelergyBreakdown.inAccelergyTerms(counts(), AccelergyTables.accelergy45nm());
    // 6400 dram.read.bits = 6400 / 64 = 100 LPDDR4 reads of 512 pJ = 51200 pJ, 96.03 % of 53315.222
    AccelergyBreakdown.Row dram = b.rows().get(2);
    assertThat(dram.component()).isEqualTo("ref_accel.dram_lpddr4");
    assertThat(dram.action()).isEqualTo("read");
    assertThat(dram.count()).isEqualTo(100.0);
    assertThat(dram.pjPerAction()).isEqualTo(512.0);
    assertThat(dram.energyPj()).isEqualTo(51200.0);
    assertThat(dram.share()).isCloseTo(51200 / 53315.222, within(1e-12));
    assertThat(dram.silicaComponent()).isEqualTo("dram");
    assertThat(dram.silicaAction()).isEqualTo("dram.read.bits");
    assertThat(b.rows())
        .extracting(AccelergyBreakdown.Row::component)
        .containsExactly(
            "ref_accel.PE[0..255].mac_int8",
            "ref_accel.sram_8KB_w64",
            "ref_accel.dram_lpddr4",
            "ref_accel.PE[0..255].rf_w32_d16",
            "ref_accel.hop_w32");
    assertThat(b.totalPj()).isCloseTo(53315.222, within(1e-9));
    // the same products regrouped: equal to Silica's own view with accelergy-45nm
    assertThat(b.totalPj())
        .isCloseTo(AccelergyBreakdown.of(counts(), ACCELERGY.energy()).totalPj(), within(1e-9));
    // a fractional Accelergy count: 32 bits are half a 64-bit access
    ActionCounts half = new ActionCounts();
    half.add("dram", Action.DRAM_WRITE_BITS, 32);
    AccelergyBreakdown h =
        AccelergyBreakdown.inAccelergyTerms(half, AccelergyTables.accelergy45nm());
    assertThat(h.rows().getFirst().count()).isEqualTo(0.5);
    assertThat(h.totalPj()).isEqualTo(256.0);
  }

  @Test
  void csvHasUnitsInTheHeaderAndOneLinePerRow() {
    String csv =
        AccelergyBreakdown.inAccelergyTerms(counts(), AccelergyTables.accelergy45nm()).toCsv();
    List<String> lines = csv.lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0))
        .isEqualTo(
            "component,action,count,pj_per_action,energy_pj,share_percent,"
                + "silica_component,silica_action,source");
    // 845 / 53315.222 = 1.5849 %; 51200 / 53315.222 = 96.0326 %
    assertThat(lines.get(1))
        .isEqualTo(
            "ref_accel.PE[0..255].mac_int8,mac_random,1000,0.845,845,1.5849,pe_array,mac.int8,"
                + "\"accelergy ERT.yaml: ref_accel.PE[0..255].mac_int8 mac_random (Aladdin_table,"
                + " global_cycle_seconds=1e-09)\"");
    assertThat(lines.get(3))
        .isEqualTo(
            "ref_accel.dram_lpddr4,read,100,512,51200,96.0326,dram,dram.read.bits,"
                + "\"accelergy ERT.yaml: ref_accel.dram_lpddr4 read (CactiDRAM,"
                + " global_cycle_seconds=1e-09); 512 pJ / 64 dram.read.bits per read\"");
    String silica = AccelergyBreakdown.of(counts(), HOROWITZ.energy()).toCsv();
    assertThat(silica.lines().toList().get(2))
        .startsWith(
            "weights_sram,\"sram.read[capacity_bytes=8192,width_bits=64]\",100,10,1000,0.7586,"
                + "weights_sram,\"sram.read[capacity_bytes=8192,width_bits=64]\",");
  }

  @Test
  void anUnmappedActionNamesItAndTheClosestMappedKeys() {
    ActionCounts c = new ActionCounts();
    c.add("glb", Action.sramRead(262144, 64), 1);
    assertThatThrownBy(
            () -> AccelergyBreakdown.inAccelergyTerms(c, AccelergyTables.accelergy45nm()))
        .isInstanceOf(MissingEntryException.class)
        .hasMessage(
            "no Accelergy mapping for 'sram.read[capacity_bytes=262144,width_bits=64]' (component"
                + " glb) in classpath:dev/silica/simulator/energy/accelergy-45nm/mapping.yaml;"
                + " closest mapped keys (by edit distance):"
                + " sram.read[capacity_bytes=32768,width_bits=64],"
                + " sram.read[capacity_bytes=65536,width_bits=64],"
                + " sram.read[capacity_bytes=8192,width_bits=64]");
  }

  @Test
  void areaThroughBothSetsByHand() {
    List<AreaBreakdown.Item> items =
        List.of(
            new AreaBreakdown.Item("pe_array.mac", ComponentKind.of("mac.int8"), 256),
            new AreaBreakdown.Item("pe_array.acc", ComponentKind.of("add.int32"), 256));
    // Horowitz: mac.int8 = mult.int8 282 + add.int32 137 = 419 um^2; 256 x 419 = 107264
    //           add.int32 137 um^2;                                  256 x 137 =  35072 -> 142336
    assertThat(EnergyModel.area(items, HOROWITZ.requireArea()).totalUm2()).isEqualTo(142336.0);
    // Accelergy ART: mac_int8 466.375 um^2; 256 x 466.375 = 119392
    //                add_int32 278 um^2;    256 x 278     =  71168 -> 190560
    assertThat(EnergyModel.area(items, ACCELERGY.requireArea()).totalUm2()).isEqualTo(190560.0);
  }
}
