package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.zoo.NetBuilder;
import dev.silica.workloads.zoo.Zoo;
import dev.silica.workloads.zoo.ZooModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZooCommandTest {
  // torchvision vgg16: 138,357,544 parameters (papers-inputs §8.3); 15.47 G MACs at 224x224
  // (papers-inputs §8.3 [D]); CS231n activation table: 15,237,608 values (papers-inputs §8.3).
  private static final long VGG16_PARAMS = 138_357_544L;
  private static final long VGG16_ACTIVATIONS = 15_237_608L;

  @Test
  void listHasOneLinePerModelWithHumanAndExactUnits() {
    CliRun r = CliRun.of("zoo", "list").succeeds();
    List<String> lines = r.outLines();
    assertThat(lines.getFirst()).startsWith("model").contains("params", "macs", "description");
    assertThat(lines).hasSize(Zoo.names().size() + 1);
    for (ZooModel m : Zoo.models()) {
      assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(m.name() + " "));
    }
    String vgg16 = lines.stream().filter(l -> l.startsWith("vgg16 ")).findFirst().orElseThrow();
    assertThat(vgg16)
        .contains("138.36 M (138,357,544)")
        .contains("15.47 G (15,470,264,320)")
        .contains("VGG-16");
  }

  @Test
  void listAsCsvAndJson() {
    CliRun csv = CliRun.of("zoo", "list", "--format", "csv").succeeds();
    assertThat(csv.outLines().getFirst()).isEqualTo("model,params,macs,nodes,description,source");
    assertThat(csv.outLines()).hasSize(Zoo.names().size() + 1);
    assertThat(csv.out()).contains("\nvgg16,138357544,15470264320,39,");

    CliRun json = CliRun.of("zoo", "list", "--format", "JSON").succeeds();
    assertThat(json.out()).startsWith("[").contains("\"params\": 138357544");
  }

  @Test
  void showPrintsTheLayerTableThenTheTotals() {
    CliRun r = CliRun.of("zoo", "show", "vgg16").succeeds();
    String out = r.out();
    assertThat(r.outLines().getFirst()).startsWith("vgg16: VGG-16");
    assertThat(out).contains("element size: 4 bytes per value (f32)");
    String header =
        r.outLines().stream().filter(l -> l.startsWith("node ")).findFirst().orElseThrow();
    assertThat(header.split("\\s+"))
        .containsExactly(
            "node", "op", "output", "params", "macs", "activation_values", "activation_bytes");
    // conv1_1: 64 x (3 x 3 x 3) weights + 64 biases = 1,792; 64 x 224 x 224 x 27 = 86,704,128 MACs
    assertThat(out).containsPattern("conv1_1 +conv2d +f32\\[1,64,224,224] +1,792 +86,704,128 ");
    // The input row: 3 x 224 x 224 = 150,528 values = 602,112 bytes at fp32.
    assertThat(out).containsPattern("image +input +f32\\[1,3,224,224] +0 +0 +150,528 +602,112");
    assertThat(out.indexOf("totals at 4 bytes per value (f32)")).isGreaterThan(out.indexOf("fc8"));
    // Labels padded to one width, values left-aligned after them.
    assertThat(out).contains("\n  parameters         138.36 M (138,357,544)\n");
    assertThat(out).contains("\n  nodes              39\n");
    assertThat(out)
        .containsPattern("parameters +138\\.36 M \\(138,357,544\\)")
        .containsPattern("parameter bytes +527\\.79 MiB \\(553,430,176 B\\)")
        .containsPattern("MACs +15\\.47 G \\(15,470,264,320\\)")
        .containsPattern("activation values +15\\.24 M \\(15,237,608\\)")
        .containsPattern("activation bytes +58\\.13 MiB \\(60,950,432 B\\)");
    assertThat(CliRun.of("zoo", "show", "VGG16").succeeds().out()).isEqualTo(out);
  }

  @Test
  void showCsvColumnsSumToTheTotals() {
    CliRun r = CliRun.of("zoo", "show", "vgg16", "--format", "csv").succeeds();
    List<String> lines = r.outLines();
    assertThat(lines.getFirst())
        .isEqualTo("node,op,output,params,macs,activation_values,activation_bytes");
    long params = 0;
    long macs = 0;
    long values = 0;
    long bytes = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = parseCsvLine(line);
      params += Long.parseLong(f[3]);
      macs += Long.parseLong(f[4]);
      values += Long.parseLong(f[5]);
      bytes += Long.parseLong(f[6]);
    }
    assertThat(params).isEqualTo(VGG16_PARAMS);
    assertThat(macs).isEqualTo(Zoo.build("vgg16").stats().macs());
    assertThat(values).isEqualTo(VGG16_ACTIVATIONS);
    assertThat(bytes).isEqualTo(4 * VGG16_ACTIVATIONS);
  }

  @Test
  void elementSizeScalesTheByteColumns() {
    CliRun f16 = CliRun.of("zoo", "show", "vgg16", "--dtype", "f16").succeeds();
    assertThat(f16.out())
        .contains("element size: 2 bytes per value (f16)")
        // 15,237,608 values x 2 bytes; 138,357,544 parameters x 2 bytes
        .containsPattern("activation bytes +29\\.06 MiB \\(30,475,216 B\\)")
        .containsPattern("parameter bytes +263\\.90 MiB \\(276,715,088 B\\)");
    CliRun i8 = CliRun.of("zoo", "show", "vgg16", "--element-bytes", "1").succeeds();
    assertThat(i8.out())
        .contains("element size: 1 byte per value")
        .containsPattern("activation bytes +14\\.53 MiB \\(15,237,608 B\\)");
    CliRun bf16 = CliRun.of("zoo", "show", "vgg16", "--dtype", "bf16", "--format", "csv");
    assertThat(bf16.succeeds().out())
        .contains("\nimage,input,\"f32[1,3,224,224]\",0,0,150528,301056\n");
  }

  @Test
  void showAsJson() {
    CliRun r = CliRun.of("zoo", "show", "vgg16", "--format", "json", "--dtype", "i8").succeeds();
    assertThat(r.out())
        .startsWith("{\n  \"model\": \"vgg16\",")
        .contains("\"element_bytes\": 1,")
        .contains("\"node\": \"conv1_1\",")
        .contains("\"params\": 138357544,")
        .contains("\"activation_values\": 15237608,")
        .contains(
            "\"notes\": [\n    \"activation memory: the CS231n notes' per-layer table sums to 15,237,608")
        .endsWith("}\n");
  }

  @Test
  void notesFollowTheTotals() {
    ZooModel m =
        new ZooModel(
            "tiny",
            "a test net",
            "this test",
            ZooCommandTest::tiny,
            List.of("published 10 params; the model has 57 (bias counted)"));
    String out = ZooShowCommand.render(m, 4, "4 bytes per value (f32)", OutputFormat.TABLE);
    // conv: 3 x 2 x 3 x 3 weights + 3 biases = 57 parameters; 3 x 4 x 4 x 18 = 864 MACs
    assertThat(out).containsPattern("parameters +57\n").containsPattern("MACs +864\n");
    assertThat(out.indexOf("notes\n  - published 10 params")).isGreaterThan(out.indexOf("totals"));
    String json = ZooShowCommand.render(m, 4, "", OutputFormat.JSON);
    assertThat(json).contains("\"notes\": [\n    \"published 10 params; the model has 57");
  }

  private static Graph tiny() {
    NetBuilder n = new NetBuilder("tiny");
    ValueId x = n.input("x", 1, 2, 4, 4);
    return n.build(n.convRelu("conv", x, 3, 3, 1, 1));
  }

  /** Splits one line of RFC 4180 CSV. */
  static String[] parseCsvLine(String line) {
    List<String> fields = new java.util.ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    fields.add(f.toString());
    return fields.toArray(String[]::new);
  }
}
