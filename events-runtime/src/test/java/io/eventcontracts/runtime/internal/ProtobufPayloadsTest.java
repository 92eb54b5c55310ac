package io.eventcontracts.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.StringValue;
import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.Violation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ProtobufPayloadsTest {

  @TempDir Path jar;
  ProtobufPayloads payloads;

  @BeforeEach
  void indexNamingAProtobufClass() throws Exception {
    Path index = jar.resolve("META-INF/eventcontracts/index.json");
    Files.createDirectories(index.getParent());
    Files.writeString(index, """
        {"formatVersion": 1, "contracts": [
          {"name": "Note", "kind": "event", "subject": "note.taken", "protobufJavaType": "com.google.protobuf.StringValue"},
          {"name": "Plain", "kind": "event", "subject": "plain.json"},
          {"name": "Shared", "kind": "type"}
        ]}
        """);
    ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
    payloads = ProtobufPayloads.fromClasspath(loader);
  }

  @Test
  void onlySubjectsWithAProtobufClassAreSupported() {
    assertThat(payloads.supports("note.taken")).isTrue();
    assertThat(payloads.supports("plain.json")).isFalse();
    assertThat(payloads.supports("unknown")).isFalse();
  }

  @Test
  void binaryToTheProto3JsonFormAndBack() {
    byte[] binary = StringValue.of("hello").toByteArray();
    byte[] json = payloads.toJson("note.taken", binary);
    assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("\"hello\"");
    byte[] back = payloads.fromJson("note.taken", JsonMapper.builder().build().readTree(json));
    assertThat(back).isEqualTo(binary);
  }

  @Test
  void anUnparseablePayloadIsReportedWithItsReason() {
    EventException e = catchThrowableOfType(EventException.class,
        () -> payloads.toJson("note.taken", new byte[] {(byte) 0xff, 0x01}));
    assertThat(e.kind()).isEqualTo(EventException.Kind.UNPARSEABLE_PAYLOAD);
    assertThat(e.getMessage()).startsWith("protobuf payload for 'note.taken' cannot be parsed as "
        + "com.google.protobuf.StringValue\n  /: not a valid StringValue protobuf message: ");
    assertThat(e.violations()).extracting(Violation::keyword).containsExactly("protobuf");
    assertThat(e.violations().get(0).message()).startsWith("not a valid StringValue protobuf message: ");
  }

  @Test
  void aJsonTreeWithoutProtobufFormIsRefused() {
    EventException e = catchThrowableOfType(EventException.class,
        () -> payloads.fromJson("note.taken", JsonMapper.builder().build().readTree("{\"a\": 1}")));
    assertThat(e.kind()).isEqualTo(EventException.Kind.INVALID_PAYLOAD);
    assertThat(e.getMessage()).startsWith("event for 'note.taken' has no protobuf form\n  /: ");
    assertThat(e.violations()).extracting(Violation::keyword).containsExactly("protobuf");
  }

  @Test
  void aSubjectWithoutProtobufContractIsRefusedWithWhatToDo() {
    EventException e = catchThrowableOfType(EventException.class,
        () -> payloads.toJson("plain.json", new byte[0]));
    assertThat(e.kind()).isEqualTo(EventException.Kind.INVALID_PAYLOAD);
    assertThat(e.violations().get(0).message()).isEqualTo("no protobufJavaType in the bundle index for this "
        + "subject; author the contract in (or twin it with) a .proto, or publish it as JSON");
  }
}
