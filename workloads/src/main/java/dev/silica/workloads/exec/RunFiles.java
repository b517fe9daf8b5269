package dev.silica.workloads.exec;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Value;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Npy;
import dev.silica.workloads.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading a run's inputs from and writing its outputs to {@code .npy} files, for {@code silica
 * run}.
 */
public final class RunFiles {
  private RunFiles() {}

  /**
   * Inputs of {@code g} from {@code .npy} files given in the order the graph declares its inputs.
   *
   * @throws ExecException when the count or a shape does not match, naming the input
   */
  public static Map<ValueId, Tensor> readInputs(Graph g, List<Path> files) throws IOException {
    List<Value> inputs = g.inputs();
    if (files.size() != inputs.size()) {
      throw new ExecException(
          g.name()
              + ": "
              + inputs.size()
              + " input(s) "
              + inputs.stream().map(v -> v.id() + " " + v.type()).toList()
              + ", got "
              + files.size()
              + " file(s)");
    }
    Map<ValueId, Tensor> out = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      Value v = inputs.get(i);
      Tensor t = Npy.read(files.get(i));
      try {
        Weights.checkType(v.id(), v.type(), t);
      } catch (ExecException e) {
        throw new ExecException(e.getMessage() + " (from " + files.get(i) + ")");
      }
      out.put(v.id(), t);
    }
    return out;
  }

  /**
   * Writes each output to {@code dir/<name>.npy} (characters other than letters, digits, {@code . _
   * -} in the value name become {@code _}) and returns the files in output order.
   */
  public static List<Path> writeOutputs(Path dir, Map<ValueId, Tensor> outputs) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (Map.Entry<ValueId, Tensor> e : outputs.entrySet()) {
      Path f = dir.resolve(fileName(e.getKey()));
      Npy.write(f, e.getValue());
      files.add(f);
    }
    return files;
  }

  /** The file name of an output value: {@code <name>.npy} with unsafe characters replaced. */
  public static String fileName(ValueId id) {
    return id.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".npy";
  }
}
