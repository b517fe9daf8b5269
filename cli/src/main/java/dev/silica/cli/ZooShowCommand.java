package dev.silica.cli;

import dev.silica.workloads.zoo.Zoo;
import dev.silica.workloads.zoo.ZooModel;
import java.io.PrintWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code silica zoo show MODEL}: the per-layer accounting of one model, then its totals and notes.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Shows one model layer by layer: node, op, output type, parameters, MACs, activation"
          + " values and bytes; then the totals and the model's notes.",
      "The first rows are the graph inputs, so the columns sum to the totals. In-place"
          + " activations (ReLU, dropout) and reshape views allocate no activation memory."
    })
final class ZooShowCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "MODEL",
      description = "A model name, as 'silica zoo list' prints it (case-insensitive).")
  String model;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  ElementSize size;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      converter = OutputFormat.Converter.class,
      completionCandidates = OutputFormat.Names.class,
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public void run() {
    int bytes = ElementSize.bytes(size, spec);
    ZooModel m = Zoo.model(model);
    PrintWriter out = spec.commandLine().getOut();
    out.print(render(m, bytes, ElementSize.describe(size, spec), format));
    out.flush();
  }

  /**
   * The accounting of {@code m} in {@code format}.
   *
   * @param bytes bytes per value for the byte columns
   * @param sizeLabel how the table and totals name that size ({@code 4 bytes per value (f32)})
   */
  static String render(ZooModel m, int bytes, String sizeLabel, OutputFormat format) {
    Accounting a = new Accounting(m.build(), bytes);
    return switch (format) {
      case CSV -> a.layers().csv();
      case JSON ->
          new Json.Obj()
                  .put("model", m.name())
                  .put("description", m.description())
                  .put("source", m.source())
                  .put("element_bytes", (long) bytes)
                  .put("layers", a.layers().json())
                  .put("totals", a.totalsJson())
                  .put("notes", m.notes())
                  .text()
              + "\n";
      case TABLE -> {
        StringBuilder sb = new StringBuilder();
        sb.append(m.name()).append(": ").append(m.description()).append('\n');
        sb.append("source: ").append(m.source()).append('\n');
        sb.append("element size: ").append(sizeLabel).append("\n\n");
        sb.append(a.layers().text()).append('\n');
        sb.append("totals at ").append(sizeLabel).append('\n');
        sb.append(a.totalsText().indent(2));
        if (!m.notes().isEmpty()) {
          sb.append("\nnotes\n");
          for (String note : m.notes()) {
            sb.append("  - ").append(note).append('\n');
          }
        }
        yield sb.toString();
      }
    };
  }
}
