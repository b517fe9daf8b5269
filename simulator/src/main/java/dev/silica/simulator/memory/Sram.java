package dev.silica.simulator.memory;

import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.ActionCounts;
import dev.silica.simulator.energy.ComponentKind;

/**
 * An on-chip SRAM buffer: capacity, access width, banks, optionally double-buffered. Immutable; a
 * run {@link #bind(ActionCounts) binds} it to its counts and gets a {@link Port} whose reads and
 * writes are array adds (slots resolved once).
 *
 * <p>Geometry. Each of {@code banks} banks holds {@code capacityBytes / banks} and serves one
 * access of {@code widthBits} per cycle. Double buffering splits every bank into two halves (one
 * filling while the other is read), so a tile may use {@link #usableBytes()} = capacity / 2 and one
 * access touches an array of {@link #arrayBytes()} = capacity / (banks · (double-buffered ? 2 :
 * 1)); that array size is the {@code capacity_bytes} of the {@code sram.read}/{@code sram.write}
 * actions, since access energy depends on the array an access goes to.
 *
 * <ul>
 *   <li>accesses for N bytes: {@code ⌈8N / widthBits⌉};
 *   <li>peak bandwidth: {@code banks · widthBits / 8} bytes per cycle.
 * </ul>
 *
 * @param name the component name counted in action counts ({@code weights_sram})
 * @param capacityBytes total capacity
 * @param widthBits bits per access per bank
 * @param banks independent banks
 * @param doubleBuffered whether the capacity is split into two halves
 */
public record Sram(
    String name, long capacityBytes, int widthBits, int banks, boolean doubleBuffered) {
  public Sram {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("sram name must not be blank");
    }
    if (capacityBytes <= 0 || widthBits <= 0 || banks <= 0) {
      throw new IllegalArgumentException(
          name
              + ": capacity_bytes, width_bits and banks must be positive, got "
              + capacityBytes
              + ", "
              + widthBits
              + ", "
              + banks);
    }
    long parts = (long) banks * (doubleBuffered ? 2 : 1);
    if (capacityBytes % parts != 0) {
      throw new IllegalArgumentException(
          name
              + ": capacity_bytes must be a multiple of banks x halves ("
              + parts
              + "), got "
              + capacityBytes);
    }
    if ((capacityBytes / parts) * 8 < widthBits) {
      throw new IllegalArgumentException(
          name
              + ": an array of "
              + capacityBytes / parts
              + " B cannot hold one "
              + widthBits
              + "-bit word");
    }
  }

  /** Bytes one tile may occupy: the whole capacity, or half when double-buffered. */
  public long usableBytes() {
    return doubleBuffered ? capacityBytes / 2 : capacityBytes;
  }

  /** The size of the physical array one access goes to (the action's {@code capacity_bytes}). */
  public long arrayBytes() {
    return capacityBytes / banks / (doubleBuffered ? 2 : 1);
  }

  /** True when {@code bytes} fit in {@link #usableBytes()}. */
  public boolean fits(long bytes) {
    return bytes <= usableBytes();
  }

  /** Accesses needed to move {@code bytes}: {@code ⌈8·bytes / widthBits⌉}. */
  public long accessesFor(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException(name + ": bytes must be >= 0, got " + bytes);
    }
    return Math.ceilDiv(bytes * 8, widthBits);
  }

  /** Peak bytes per cycle over all banks: {@code banks · widthBits / 8}. */
  public double bytesPerCycle() {
    return banks * widthBits / 8.0;
  }

  /** Cycles to move {@code bytes} at peak bandwidth, all banks in parallel. */
  public long cyclesFor(long bytes) {
    return Math.ceilDiv(accessesFor(bytes), banks);
  }

  public Action readAction() {
    return Action.sramRead(arrayBytes(), widthBits);
  }

  public Action writeAction() {
    return Action.sramWrite(arrayBytes(), widthBits);
  }

  /**
   * The component kind for area: {@code banks · (2 if double-buffered)} arrays of {@link
   * #arrayBytes()}.
   */
  public ComponentKind componentKind() {
    return ComponentKind.sram(arrayBytes(), widthBits);
  }

  /** How many arrays of {@link #componentKind()} make up this SRAM. */
  public long arrayCount() {
    return (long) banks * (doubleBuffered ? 2 : 1);
  }

  /** This SRAM counting into {@code counts}. */
  public Port bind(ActionCounts counts) {
    return new Port(this, counts);
  }

  /** A run's view of an SRAM: counts accesses into the run's action counts. */
  public static final class Port {
    private final Sram sram;
    private final ActionCounts counts;
    private final int readSlot;
    private final int writeSlot;
    private long bytesRead;
    private long bytesWritten;

    private Port(Sram sram, ActionCounts counts) {
      this.sram = sram;
      this.counts = counts;
      this.readSlot = counts.slot(sram.name(), sram.readAction());
      this.writeSlot = counts.slot(sram.name(), sram.writeAction());
    }

    /** Counts the accesses to read {@code bytes}; returns them. */
    public long read(long bytes) {
      long a = sram.accessesFor(bytes);
      counts.addAt(readSlot, a);
      bytesRead += bytes;
      return a;
    }

    /** Counts the accesses to write {@code bytes}; returns them. */
    public long write(long bytes) {
      long a = sram.accessesFor(bytes);
      counts.addAt(writeSlot, a);
      bytesWritten += bytes;
      return a;
    }

    public long bytesRead() {
      return bytesRead;
    }

    public long bytesWritten() {
      return bytesWritten;
    }

    public Sram sram() {
      return sram;
    }
  }
}
