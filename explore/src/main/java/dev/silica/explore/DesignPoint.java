package dev.silica.explore;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One configuration of the swept parameters: an ordered map from dotted parameter path to a {@link
 * Long}, {@link Double}, {@link String} or {@link Boolean}. Its {@link #hash()} (first 16 hex
 * digits of SHA-256 over {@link #canonicalText()}) keys it in result stores, so a resumed sweep
 * recognizes points it already finished.
 *
 * @param params parameter values in axis order
 */
public record DesignPoint(Map<String, Object> params) implements Serializable {
  public DesignPoint {
    Map<String, Object> copy = new LinkedHashMap<>();
    params.forEach((k, v) -> {
      Object n = v instanceof Integer i ? (Object) i.longValue() : v;
      if (!(n instanceof Long
          || n instanceof Double
          || n instanceof String
          || n instanceof Boolean)) {
        throw new IllegalArgumentException(k + ": unsupported value " + v);
      }
      copy.put(k, n);
    });
    params = Collections.unmodifiableMap(copy);
  }

  /** The point of the given key/value pairs ({@code of("a", 1, "b", 2.5)}). */
  public static DesignPoint of(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return new DesignPoint(m);
  }

  /** One {@code key=value} line per parameter in order; strings quoted, doubles in Java form. */
  public String canonicalText() {
    StringBuilder sb = new StringBuilder();
    params.forEach((k, v) -> {
      sb.append(k).append('=');
      if (v instanceof String s) {
        sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      } else if (v instanceof Double d) {
        sb.append(Double.toString(d)).append('d');
      } else {
        sb.append(v);
      }
      sb.append('\n');
    });
    return sb.toString();
  }

  /** First 16 hex digits of SHA-256 over {@link #canonicalText()}. */
  public String hash() {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(canonicalText().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value of {@code key}, or throws naming the keys present. */
  public Object get(String key) {
    Object v = params.get(key);
    if (v == null) {
      throw new IllegalArgumentException(
          "no parameter '" + key + "' (have: " + params.keySet() + ")");
    }
    return v;
  }

  /** The value of {@code key} as a double (longs widened). */
  public double number(String key) {
    Object v = get(key);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException(key + ": not a number: " + v);
  }

  @Override
  public String toString() {
    return params.toString();
  }
}
