package io.eventcontracts.transport.stan;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.testing.stan.StanProtocolTestDouble;
import io.nats.streaming.NatsStreaming;
import io.nats.streaming.protobuf.PubAck;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NATS Streaming client's protobuf messages are the ones this module regenerates with the current protoc, so a
 * user's JVM logs no "Vulnerable protobuf generated type" warning and needs no
 * {@code -Dcom.google.protobuf.use_unsafe_pre22_gencode}. Each run is a fresh JVM (protobuf warns once per type
 * per JVM, and this JVM's other tests load the types first), connecting a {@link StanTransport} to the protocol
 * test double and exchanging messages; a control run with java-nats-streaming's own (protoc 3.9) classes first on
 * the class path shows the warning this test would catch.
 */
class StanProtobufGencodeTest {

  private static final String WARNING = "Vulnerable protobuf generated type";
  private static final String CLUSTER = "ticketing";

  @TempDir
  static Path work;

  @BeforeAll
  static void protobufSilencingPropertyIsNotSet() {
    assertThat(System.getProperty("com.google.protobuf.use_unsafe_pre22_gencode")).isNull();
  }

  @Test
  void theStreamingProtocolMessagesAreRegeneratedForTheProtobufRuntimeInUse() throws Exception {
    // protoc 22+ gencode extends GeneratedMessage; java-nats-streaming 2.2.3's (protoc 3.9) extends GeneratedMessageV3
    assertThat(PubAck.class.getSuperclass().getName()).isEqualTo("com.google.protobuf.GeneratedMessage");
    assertThat(location(PubAck.class)).isNotEqualTo(location(NatsStreaming.class));
  }

  @Test
  void aTransportExchangingMessagesLogsNoVulnerableGencodeWarning() throws Exception {
    String output = runProbe(System.getProperty("java.class.path"), "regenerated");

    assertThat(output).contains("exchanged 3").doesNotContain(WARNING);
  }

  @Test
  void controlWithTheClientsOwnOldClassesFirstTheWarningIsLogged() throws Exception {
    String classPath = location(NatsStreaming.class) + File.pathSeparator + System.getProperty("java.class.path");

    String output = runProbe(classPath, "old");

    assertThat(output).contains("exchanged 3").contains(WARNING);
  }

  private static String runProbe(String classPath, String name) throws Exception {
    try (NatsServerRunner nats = NatsServerRunner.start();
        StanProtocolTestDouble stan = StanProtocolTestDouble.start(nats.url(), CLUSTER)) {
      Path out = work.resolve(name + ".log");
      List<String> command = new ArrayList<>(List.of(
          Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:off",
          "-XX:TieredStopAtLevel=1", "-cp", classPath, StanProtobufProbe.class.getName(), nats.url(), CLUSTER));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
      String output = Files.readString(out, StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(output).isZero();
      return output;
    }
  }

  private static String location(Class<?> type) throws Exception {
    return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
