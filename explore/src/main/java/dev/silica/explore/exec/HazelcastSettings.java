package dev.silica.explore.exec;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;

/**
 * How a sweep member joins a Hazelcast cluster: TCP/IP join only (multicast and cloud
 * auto-detection off, no phone-home).
 *
 * @param clusterName cluster name; members with another name never join
 * @param bindAddress interface to bind, e.g. {@code 127.0.0.1}
 * @param port port to listen on (no auto-increment)
 * @param members {@code host:port} of the cluster members to join (may include this one)
 * @param poolSize evaluation threads per member
 */
public record HazelcastSettings(
    String clusterName, String bindAddress, int port, List<String> members, int poolSize) {
  public HazelcastSettings {
    members = List.copyOf(members);
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be >= 1, got " + poolSize);
    }
  }

  /** A single embedded member on loopback with a unique cluster name and a free port. */
  public static HazelcastSettings embedded(int poolSize) {
    int port = freeLoopbackPort();
    return new HazelcastSettings(
        "silica-sweep-" + UUID.randomUUID(),
        "127.0.0.1",
        port,
        List.of("127.0.0.1:" + port),
        poolSize);
  }

  /** A free TCP port on loopback (for tests and embedded members). */
  public static int freeLoopbackPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The member configuration. */
  public Config toConfig() {
    Config c = new Config();
    c.setClusterName(clusterName);
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.logging.type", "none");
    c.setProperty("hazelcast.wait.seconds.before.join", "0");
    c.setProperty("hazelcast.socket.bind.any", "false");
    c.setProperty("hazelcast.shutdownhook.enabled", "false");
    NetworkConfig n = c.getNetworkConfig();
    n.setPort(port).setPortAutoIncrement(false);
    n.getInterfaces().setEnabled(true).addInterface(bindAddress);
    n.setPublicAddress(bindAddress + ":" + port);
    JoinConfig j = n.getJoin();
    j.getMulticastConfig().setEnabled(false);
    j.getAutoDetectionConfig().setEnabled(false);
    j.getTcpIpConfig().setEnabled(true).setMembers(members);
    c.getExecutorConfig(HazelcastExecutor.EXECUTOR_NAME).setPoolSize(poolSize);
    return c;
  }
}
