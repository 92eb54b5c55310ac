package io.eventcontracts.transport.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JetStreamOptionsTest {

  @Test
  void defaultsAreDocumented() {
    JetStreamOptions o = JetStreamOptions.builder().build();
    assertThat(o.servers()).containsExactly("nats://127.0.0.1:4222");
    assertThat(o.serviceName()).isEqualTo("eventcontracts");
    assertThat(o.connectionName()).isNull();
    assertThat(o.streamName()).isEqualTo("EVENTCONTRACTS");
    assertThat(o.deadLetterStreamName()).isEqualTo("EVENTCONTRACTS_DEADLETTER");
    assertThat(o.deadLetterSubjectPrefix()).isEqualTo("deadletter.");
    assertThat(o.createStreams()).isTrue();
    assertThat(o.storage()).isEqualTo(JetStreamOptions.Storage.FILE);
    assertThat(o.replicas()).isEqualTo(1);
    assertThat(o.duplicateWindow()).isEqualTo(Duration.ofMinutes(2));
    assertThat(o.maxAge()).isEqualTo(Duration.ZERO);
    assertThat(o.publishTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.drainTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.pullExpiry()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(o.maxReconnects()).isEqualTo(-1);
    assertThat(o.subjects()).isEmpty();
  }

  @Test
  void refusesContradictions() {
    assertThatThrownBy(() -> JetStreamOptions.builder().credentialsFile(Path.of("a.creds"))
        .nkeySeedFile(Path.of("seed.nk")).build()).hasMessageContaining("either credentialsFile or nkeySeedFile");
    assertThatThrownBy(() -> JetStreamOptions.builder().streamName("A.B"))
        .hasMessageContaining("streamName may contain only");
    assertThatThrownBy(() -> JetStreamOptions.builder().subjects("deadletter.x").build())
        .hasMessageContaining("dead-letter");
    assertThatThrownBy(() -> JetStreamOptions.builder().pullExpiry(Duration.ofMillis(10)))
        .hasMessageContaining("at least 1 s");
  }

  @Test
  void toStringHidesSecrets() {
    JetStreamOptions o = JetStreamOptions.builder().userInfo("u", "s3cret".toCharArray())
        .token("t0ken".toCharArray()).build();
    assertThat(o.toString()).doesNotContain("s3cret").doesNotContain("t0ken");
    assertThat(o.password()).containsExactly("s3cret".toCharArray());
  }
}
