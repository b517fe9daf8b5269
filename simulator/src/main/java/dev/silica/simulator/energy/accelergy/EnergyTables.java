package dev.silica.simulator.energy.accelergy;

import dev.silica.simulator.energy.AreaTable;
import dev.silica.simulator.energy.EnergyTable;
import dev.silica.simulator.spec.InvalidSpecException;
import dev.silica.simulator.spec.SpecKind;
import dev.silica.simulator.spec.SpecLoader;
import dev.silica.simulator.spec.SpecMessages;
import dev.silica.simulator.spec.SpecNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The energy table sets Silica ships, by name, for {@code --energy-table} and presets:
 *
 * <ul>
 *   <li>{@code horowitz-45nm} (the default): Horowitz ISSCC 2014 plus stated fits ({@link
 *       EnergyTable#horowitz45nm()}, {@link AreaTable#horowitz45nm()});
 *   <li>{@code accelergy-45nm}: Accelergy 0.4's ERT and ART for the reference accelerator (Aladdin
 *       and CACTI 6.5 plug-ins), mapped onto Silica's keys ({@link
 *       AccelergyTables#accelergy45nm()}).
 * </ul>
 *
 * <p>Anything else is read as a path: a {@code kind: energy_table} file, or a {@code kind:
 * accelergy_mapping} file whose ERT and ART are read from next to it. An unknown name that is not a
 * file fails listing the valid names.
 */
public final class EnergyTables {
  /** The default set's name. */
  public static final String DEFAULT = "horowitz-45nm";

  /** The Accelergy-derived set's name. */
  public static final String ACCELERGY_45NM = "accelergy-45nm";

  private static final List<String> NAMES = List.of(DEFAULT, ACCELERGY_45NM);

  private EnergyTables() {}

  /** The built-in names, default first. */
  public static List<String> names() {
    return NAMES;
  }

  /** The default set ({@code horowitz-45nm}). */
  public static EnergyTableSet defaults() {
    return named(DEFAULT);
  }

  /**
   * The set called {@code nameOrPath}: a built-in name, or a path to a {@code kind: energy_table}
   * or {@code kind: accelergy_mapping} file.
   *
   * @throws IllegalArgumentException for an unknown name, listing the valid ones
   * @throws InvalidSpecException for a file that does not load, at its line
   */
  public static EnergyTableSet named(String nameOrPath) {
    switch (nameOrPath) {
      case DEFAULT -> {
        return new EnergyTableSet(
            DEFAULT,
            EnergyTable.horowitz45nm(),
            Optional.of(AreaTable.horowitz45nm()),
            "classpath:" + EnergyTable.HOROWITZ_45NM);
      }
      case ACCELERGY_45NM -> {
        return AccelergyTables.accelergy45nm().tables();
      }
      default -> {
        Path p = Path.of(nameOrPath);
        if (Files.isRegularFile(p)) {
          return load(p);
        }
        throw new IllegalArgumentException(unknown(nameOrPath));
      }
    }
  }

  /**
   * The Accelergy binding behind {@code nameOrPath} when it has one ({@code accelergy-45nm}, or a
   * {@code kind: accelergy_mapping} file), for breakdowns in Accelergy's own names ({@link
   * AccelergyBreakdown#inAccelergyTerms}); empty for {@code horowitz-45nm} and energy-table files.
   *
   * @throws IllegalArgumentException for an unknown name, as {@link #named}
   */
  public static Optional<AccelergyTableSet> accelergy(String nameOrPath) {
    switch (nameOrPath) {
      case DEFAULT -> {
        return Optional.empty();
      }
      case ACCELERGY_45NM -> {
        return Optional.of(AccelergyTables.accelergy45nm());
      }
      default -> {
        Path p = Path.of(nameOrPath);
        if (!Files.isRegularFile(p)) {
          throw new IllegalArgumentException(unknown(nameOrPath));
        }
        return isMapping(SpecLoader.parse(p.toString(), read(p)))
            ? Optional.of(AccelergyTables.fromMapping(p))
            : Optional.empty();
      }
    }
  }

  private static boolean isMapping(SpecNode root) {
    return root.isMap()
        && root.has("kind")
        && root.get("kind").isScalar()
        && AccelergyMapping.KIND.equals(root.get("kind").asString());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidSpecException(file.toString(), 0, "", "cannot read: " + e.getMessage());
    }
  }

  private static String unknown(String name) {
    StringBuilder sb = new StringBuilder("unknown energy table '").append(name).append("' (");
    SpecMessages.nearest(name, NAMES)
        .ifPresent(s -> sb.append("did you mean '").append(s).append("'? "));
    return sb.append("valid: ")
        .append(String.join(", ", NAMES))
        .append(", or the path of a kind: energy_table or kind: accelergy_mapping file)")
        .toString();
  }

  private static EnergyTableSet load(Path file) {
    SpecNode root = SpecLoader.parse(file.toString(), read(file));
    if (isMapping(root)) {
      return AccelergyTables.fromMapping(file).tables();
    }
    SpecLoader.checkHeader(root, SpecKind.ENERGY_TABLE);
    EnergyTable energy = EnergyTable.fromSpec(root);
    Optional<AreaTable> area =
        root.has("area_um2") ? Optional.of(AreaTable.fromSpec(root)) : Optional.empty();
    return new EnergyTableSet(energy.name(), energy, area, file.toString());
  }
}
