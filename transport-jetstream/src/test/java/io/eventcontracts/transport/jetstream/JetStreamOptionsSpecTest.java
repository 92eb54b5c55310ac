package io.eventcontracts.transport.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Secrets left unset read back as null, set ones as copies; the edges of replicas and of the credential choice. */
class JetStreamOptionsSpecTest {

  @Test
  void unsetSecretsReadBackAsNull() {
    JetStreamOptions o = JetStreamOptions.builder().truststore(Path.of("t.p12"), null).build();

    assertThat(o.password()).isNull();
    assertThat(o.token()).isNull();
    assertThat(o.truststorePassword()).isNull();
    assertThat(o.keystorePassword()).isNull();
    assertThat(o.nkeySeedFile()).isNull();
  }

  @Test
  void setSecretsReadBackAsCopiesTheCallerCannotChange() {
    char[] keystorePassword = "kp".toCharArray();
    JetStreamOptions o = JetStreamOptions.builder().keystore(Path.of("k.p12"), keystorePassword)
        .nkeySeedFile(Path.of("user.nk")).build();
    keystorePassword[0] = 'X';

    assertThat(o.keystorePassword()).containsExactly('k', 'p');
    o.keystorePassword()[0] = 'Y';
    assertThat(o.keystorePassword()).containsExactly('k', 'p');
    assertThat(o.nkeySeedFile()).isEqualTo(Path.of("user.nk"));
  }

  @Test
  void oneReplicaIsTheLowestAllowed() {
    assertThat(JetStreamOptions.builder().replicas(1).build().replicas()).isEqualTo(1);
  }

  @Test
  void aCredentialsFileAndAnNkeySeedFileExcludeEachOther() {
    assertThatThrownBy(() -> JetStreamOptions.builder().credentialsFile(Path.of("a.creds"))
        .nkeySeedFile(Path.of("a.nk")).build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("set either credentialsFile or nkeySeedFile, not both");
  }

  @Test
  void serversGivenOneByOneAreChained() {
    assertThat(JetStreamOptions.builder().servers("nats://a:1").servers("nats://b:2").build().servers())
        .containsExactly("nats://a:1", "nats://b:2");
  }
}
