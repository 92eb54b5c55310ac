package io.eventcontracts.transport.stan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.eventcontracts.runtime.EventException;
import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.testing.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed NATS Streaming connect says why and what to change, against a real nats-server: TLS mismatches,
 * refused credentials, nobody listening, and no streaming server for the cluster id.
 */
class StanConnectFailuresTest {

  private static final String CLUSTER = "ticketing";

  @TempDir
  static Path pki;
  private static TestCertificates certs;

  @BeforeAll
  static void createCertificates() {
    certs = TestCertificates.create(pki);
  }

  private static StanOptions.Builder options(String url) {
    return StanOptions.builder().clusterId(CLUSTER).server(url).serviceName("connect-failures")
        .connectWait(Duration.ofMillis(500));
  }

  private static EventException connectFailure(StanOptions options) {
    Throwable error = catchThrowable(() -> StanTransport.connect(options).close());
    assertThat(error).isInstanceOf(EventException.class);
    EventException e = (EventException) error;
    assertThat(e.kind()).isEqualTo(EventException.Kind.NOT_CONNECTED);
    return e;
  }

  @Test
  void aPlainConnectionToATlsOnlyServerSaysTheServerRequiresTls() {
    try (NatsServerRunner server = NatsServerRunner.start(certs.serverTlsArgs())) {
      EventException e = connectFailure(options("nats://127.0.0.1:" + server.port()).build());

      assertThat(e).hasMessageContaining("127.0.0.1:" + server.port()).hasMessageContaining("TLS");
    }
  }

  @Test
  void aServerCertificateNotSignedByATrustedCaIsNamedAsTheReason() {
    try (NatsServerRunner server = NatsServerRunner.start(certs.serverTlsArgs())) {
      EventException e = connectFailure(options("tls://127.0.0.1:" + server.port()).build());

      assertThat(e).hasMessageContaining("TLS")
          .hasMessageContaining("PKIX path building failed")
          .hasMessageContaining("sslContext(...)");
    }
  }

  @Test
  void mutualTlsWithoutAClientCertificateSaysTheHandshakeFailed() {
    try (NatsServerRunner server = NatsServerRunner.start(certs.serverMutualTlsArgs())) {
      EventException e = connectFailure(options("tls://127.0.0.1:" + server.port())
          .sslContext(certs.clientSslContext()).build());

      assertThat(e).hasMessageContaining("TLS").hasMessageContaining("client certificate");
    }
  }

  @Test
  void wrongCredentialsAreReportedAsAnAuthorizationViolation() {
    try (NatsServerRunner server = NatsServerRunner.start("--user", "svc", "--pass", "s3cret")) {
      EventException e = connectFailure(options(server.url()).userInfo("svc", "wrong".toCharArray()).build());

      assertThat(e).hasMessageContaining("Authorization Violation")
          .hasMessageContaining("refused the credentials");
    }
  }

  @Test
  void nobodyListeningIsReportedAsConnectionRefused() {
    int port = NatsServerRunner.freePort();
    EventException e = connectFailure(options("nats://127.0.0.1:" + port).build());

    assertThat(e).hasMessageContaining("127.0.0.1:" + port).hasMessageContaining("connection refused");
  }

  @Test
  void aClusterIdNoStreamingServerAnswersForSaysSo() {
    try (NatsServerRunner server = NatsServerRunner.start()) {
      EventException e = connectFailure(options(server.url()).clusterId("no-such-cluster").build());

      assertThat(e).hasMessageContaining("'no-such-cluster'").hasMessageContaining("cluster id unknown");
    }
  }
}
