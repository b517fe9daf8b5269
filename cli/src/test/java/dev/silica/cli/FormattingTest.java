package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormattingTest {
  @Test
  void counts() {
    assertThat(Units.exact(138_357_544L)).isEqualTo("138,357,544");
    assertThat(Units.count(999)).isEqualTo("999");
    assertThat(Units.count(1_000)).isEqualTo("1.00 k");
    assertThat(Units.count(15_470_264_320L)).isEqualTo("15.47 G");
    assertThat(Units.count(138_357_544L)).isEqualTo("138.36 M");
    // 999,995 would round to "1000.00 k"; it moves up a unit instead.
    assertThat(Units.count(999_995)).isEqualTo("1.00 M");
    assertThat(Units.countWithExact(57)).isEqualTo("57");
    assertThat(Units.countWithExact(1_792)).isEqualTo("1.79 k (1,792)");
  }

  @Test
  void bytes() {
    assertThat(Units.bytes(0)).isEqualTo("0 B");
    assertThat(Units.bytes(1023)).isEqualTo("1023 B");
    assertThat(Units.bytes(1024)).isEqualTo("1.00 KiB");
    // 15,237,608 values x 4 bytes = 60,950,432 B = 58.13 MiB
    assertThat(Units.bytesWithExact(60_950_432L)).isEqualTo("58.13 MiB (60,950,432 B)");
  }

  @Test
  void tableRendersTextCsvMarkdownAndJson() {
    Table t = new Table("name", "count").row("a,b", 1_234L).row("say \"hi\"", 5);
    assertThat(t.text()).isEqualTo("name      count\na,b       1,234\nsay \"hi\"      5\n");
    assertThat(t.csv()).isEqualTo("name,count\n\"a,b\",1234\n\"say \"\"hi\"\"\",5\n");
    assertThat(t.markdown())
        .isEqualTo("| name | count |\n|---|---:|\n| a,b | 1,234 |\n| say \"hi\" | 5 |\n");
    assertThat(t.json().text())
        .isEqualTo(
            "[\n  {\n    \"name\": \"a,b\",\n    \"count\": 1234\n  },\n"
                + "  {\n    \"name\": \"say \\\"hi\\\"\",\n    \"count\": 5\n  }\n]");
  }

  @Test
  void formattedQuantitiesAreRightAligned() {
    Table t = new Table("model", "params").row("a", "1.79 k (1,792)").row("bb", "57");
    assertThat(t.text())
        .isEqualTo("model          params\na      1.79 k (1,792)\nbb                 57\n");
    assertThat(t.markdown()).contains("|---|---:|");
  }

  @Test
  void jsonEscapesControlCharactersAndNests() {
    Json.Obj o =
        new Json.Obj().put("s", "tab\there\u0001").put("l", List.of("x")).put("e", List.of());
    assertThat(o.text())
        .isEqualTo(
            "{\n  \"s\": \"tab\\there\\u0001\",\n  \"l\": [\n    \"x\"\n  ],\n  \"e\": []\n}");
  }
}
