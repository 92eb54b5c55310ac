package io.eventcontracts.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Int64Value;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StringValue;
import io.eventcontracts.runtime.EventException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which subjects carry protobuf payloads (every bundle index on the class path), and what a subject whose protobuf
 * class is missing, a payload protobuf cannot parse and a tree protobuf cannot hold are told.
 */
class ProtobufPayloadsSpecTest {

  @TempDir Path first;
  @TempDir Path second;

  @Test
  void everyBundleIndexOnTheClassPathContributesItsProtobufSubjects() throws Exception {
    index(first, "{\"subject\": \"note.taken\", \"protobufJavaType\": \"com.google.protobuf.StringValue\"}");
    index(second, "{\"subject\": \"count.changed\", \"protobufJavaType\": \"com.google.protobuf.Int64Value\"}");

    ProtobufPayloads payloads = ProtobufPayloads.fromClasspath(loader(first, second));

    assertThat(payloads.supports("note.taken")).isTrue();
    assertThat(payloads.supports("count.changed")).isTrue();
    byte[] json = payloads.toJson("count.changed", Int64Value.of(7).toByteArray());
    assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("\"7\"");
  }

  @Test
  void anEntryWithoutSubjectOrWithANullProtobufTypeIsNotAProtobufSubject() throws Exception {
    index(first, "{\"protobufJavaType\": \"com.google.protobuf.StringValue\"}",
        "{\"subject\": \"plain\", \"protobufJavaType\": null}",
        "{\"subject\": null, \"protobufJavaType\": \"com.google.protobuf.StringValue\"}");

    ProtobufPayloads payloads = ProtobufPayloads.fromClasspath(loader(first));

    assertThat(payloads.supports("plain")).isFalse();
    assertThat(payloads.supports("null")).isFalse();
    assertThat(payloads.supports("")).isFalse();
  }

  @Test
  void aMissingProtobufClassIsAConfigurationErrorThatNamesItAndTheDependency() throws Exception {
    index(first, "{\"subject\": \"gone\", \"protobufJavaType\": \"com.example.Missing\"}");
    ProtobufPayloads payloads = ProtobufPayloads.fromClasspath(loader(first));

    assertThat(payloads.supports("gone")).isTrue();
    assertThatThrownBy(() -> payloads.toJson("gone", new byte[0]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("protobuf class com.example.Missing or protobuf-java-util's JsonFormat is not on the class path; "
            + "add com.google.protobuf:protobuf-java-util")
        .hasCauseInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void anUnparseablePayloadCarriesProtobufsOwnExceptionAsCauseAndItsMessageAsViolation() throws Exception {
    index(first, "{\"subject\": \"note.taken\", \"protobufJavaType\": \"com.google.protobuf.StringValue\"}");
    ProtobufPayloads payloads = ProtobufPayloads.fromClasspath(loader(first));

    EventException e = catchThrowableOfType(EventException.class,
        () -> payloads.toJson("note.taken", new byte[] {(byte) 0xff, 0x01}));

    assertThat(e.subject()).isEqualTo("note.taken");
    assertThat(e.getCause()).isInstanceOf(InvalidProtocolBufferException.class);
    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.pointer()).isEmpty();
      assertThat(v.message()).isEqualTo("not a valid StringValue protobuf message: " + e.getCause().getMessage());
    });
  }

  @Test
  void aTreeProtobufCannotHoldCarriesTheParsersExceptionAsCauseAndItsMessageAsViolation() throws Exception {
    index(first, "{\"subject\": \"note.taken\", \"protobufJavaType\": \"com.google.protobuf.StringValue\"}");
    ProtobufPayloads payloads = ProtobufPayloads.fromClasspath(loader(first));

    EventException e = catchThrowableOfType(EventException.class,
        () -> payloads.fromJson("note.taken", JsonMapper.builder().build().readTree("{\"a\": 1}")));

    assertThat(e.kind()).isEqualTo(EventException.Kind.INVALID_PAYLOAD);
    assertThat(e.subject()).isEqualTo("note.taken");
    assertThat(e.getCause()).isInstanceOf(InvalidProtocolBufferException.class);
    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.message()).isEqualTo(e.getCause().getMessage());
      assertThat(v.keyword()).isEqualTo("protobuf");
    });
  }

  @Test
  void theCodecOfASubjectIsResolvedOnceAndServesEveryCall() throws Exception {
    index(first, "{\"subject\": \"note.taken\", \"protobufJavaType\": \"com.google.protobuf.StringValue\"}");
    ProtobufPayloads payloads = ProtobufPayloads.fromClasspath(loader(first));

    for (String text : new String[] {"a", "b", "ü"}) {
      byte[] binary = StringValue.of(text).toByteArray();
      assertThat(payloads.fromJson("note.taken", JsonMapper.builder().build()
          .readTree(payloads.toJson("note.taken", binary)))).isEqualTo(binary);
    }
  }

  @Test
  void withoutAnyIndexNothingIsAProtobufSubject() throws Exception {
    ProtobufPayloads payloads = ProtobufPayloads.fromClasspath(new URLClassLoader(new URL[0], null));

    assertThat(payloads.supports("note.taken")).isFalse();
    EventException e = catchThrowableOfType(EventException.class, () -> payloads.toJson("note.taken", new byte[0]));
    assertThat(e.getMessage()).startsWith("'note.taken' has no protobuf contract");
  }

  private static void index(Path dir, String... contracts) throws Exception {
    Path index = dir.resolve("META-INF/eventcontracts/index.json");
    Files.createDirectories(index.getParent());
    Files.writeString(index, "{\"formatVersion\": 1, \"contracts\": [" + String.join(",", contracts) + "]}");
  }

  private ClassLoader loader(Path... dirs) throws Exception {
    URL[] urls = new URL[dirs.length];
    for (int i = 0; i < dirs.length; i++) {
      urls[i] = dirs[i].toUri().toURL();
    }
    return new URLClassLoader(urls, getClass().getClassLoader());
  }
}
