package dev.silica.explore.spec;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Limits on a sweep: at most {@code points} new evaluations and/or {@code time} of wall clock; the
 * sweep stops submitting new points when either is reached. Points resumed from the store do not
 * count.
 *
 * @param points maximum new evaluations, empty for no limit
 * @param time maximum wall-clock time, empty for no limit
 */
public record Budget(OptionalLong points, Optional<Duration> time) {
  public static Budget unlimited() {
    return new Budget(OptionalLong.empty(), Optional.empty());
  }

  public static Budget points(long n) {
    return new Budget(OptionalLong.of(n), Optional.empty());
  }

  public static Budget time(Duration d) {
    return new Budget(OptionalLong.empty(), Optional.of(d));
  }
}
