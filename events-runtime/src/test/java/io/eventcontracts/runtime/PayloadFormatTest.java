package io.eventcontracts.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayloadFormatTest {

  @Test
  void contentTypesNameTheFormats() {
    assertThat(PayloadFormat.JSON.contentType()).isEqualTo("application/json");
    assertThat(PayloadFormat.PROTOBUF.contentType()).isEqualTo("application/x-protobuf");
  }

  @Test
  void headerValuesAreReadWithoutParametersOrCase() {
    assertThat(PayloadFormat.ofContentType("application/json")).contains(PayloadFormat.JSON);
    assertThat(PayloadFormat.ofContentType("Application/JSON; charset=utf-8")).contains(PayloadFormat.JSON);
    assertThat(PayloadFormat.ofContentType(" application/x-protobuf ")).contains(PayloadFormat.PROTOBUF);
    assertThat(PayloadFormat.ofContentType("application/protobuf")).contains(PayloadFormat.PROTOBUF);
    assertThat(PayloadFormat.ofContentType("application/vnd.google.protobuf")).contains(PayloadFormat.PROTOBUF);
    assertThat(PayloadFormat.ofContentType("text/plain")).isEqualTo(Optional.empty());
    assertThat(PayloadFormat.ofContentType(null)).isEmpty();
  }

  @Test
  void aSubjectIsJsonUnlessConfigured() {
    ClientOptions options = ClientOptions.builder().payloadFormat("a", PayloadFormat.PROTOBUF).build();
    assertThat(options.payloadFormat("a")).isEqualTo(PayloadFormat.PROTOBUF);
    assertThat(options.payloadFormat("b")).isEqualTo(PayloadFormat.JSON);
    assertThat(ClientOptions.defaults().payloadFormat("a")).isEqualTo(PayloadFormat.JSON);
  }
}
