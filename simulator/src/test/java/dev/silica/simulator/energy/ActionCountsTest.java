package dev.silica.simulator.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActionCountsTest {
  private static final Action MAC = Action.mac("int8");
  private static final Action READ = Action.sramRead(8192, 64);

  @Test
  void slotsMakeTheHotPathAnArrayAdd() {
    ActionCounts c = new ActionCounts();
    int s = c.slot("pe", MAC);
    assertThat(c.slot("pe", MAC)).isEqualTo(s);
    for (int i = 0; i < 1000; i++) {
      c.addAt(s, 1);
    }
    assertThat(c.get("pe", MAC)).isEqualTo(1000);
    assertThat(c.get("other", MAC)).isZero();
  }

  @Test
  void growsPastItsInitialCapacityAndKeepsFirstUseOrder() {
    ActionCounts c = new ActionCounts();
    for (int i = 0; i < 20; i++) {
      c.add("c" + i, Action.regfileRead(8 + i), i);
    }
    assertThat(c.size()).isEqualTo(20);
    assertThat(c.entries().get(19).component()).isEqualTo("c19");
    assertThat(c.entries().get(19).count()).isEqualTo(19);
  }

  @Test
  void totalsAndSumsAcrossComponents() {
    ActionCounts a = new ActionCounts();
    a.add("w", READ, 3);
    a.add("i", READ, 4);
    a.add("pe", MAC, 10);
    assertThat(a.total(READ)).isEqualTo(7);
    ActionCounts b = new ActionCounts();
    b.add("pe", MAC, 5);
    ActionCounts s = ActionCounts.sum(List.of(a, b));
    assertThat(s.get("pe", MAC)).isEqualTo(15);
    assertThat(s.byAction()).containsEntry(READ.key(), 7L).containsEntry(MAC.key(), 15L);
  }

  @Test
  void frozenCountsRejectChangesAndCompareByContent() {
    ActionCounts a = new ActionCounts();
    a.add("pe", MAC, 2);
    a.slot("pe", READ); // a zero count does not affect equality
    ActionCounts f = a.frozen();
    assertThat(f.isFrozen()).isTrue();
    assertThatThrownBy(() -> f.add("pe", MAC, 1)).isInstanceOf(UnsupportedOperationException.class);
    ActionCounts b = new ActionCounts();
    b.add("pe", MAC, 2);
    assertThat(f).isEqualTo(b).hasSameHashCodeAs(b);
    a.add("pe", MAC, 1);
    assertThat(f.get("pe", MAC)).isEqualTo(2); // the frozen copy is independent
    assertThat(ActionCounts.empty().isEmpty()).isTrue();
  }
}
