package io.eventcontracts.codegen.proto;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The Protobuf part of a code generation request.
 *
 * @param protoRoots directories holding {@code .proto} contracts (a file's path relative to its root is its import
 *     path); may be empty
 * @param protoc the protoc executable (the plugin takes {@code com.google.protobuf:protoc} from Maven Central)
 * @param workDirectory scratch space for protoc's include files and output
 * @param generateJava true to also generate protobuf-java classes for the {@code .proto} contracts
 */
public record ProtobufOptions(List<Path> protoRoots, Path protoc, Path workDirectory, boolean generateJava) {

  public ProtobufOptions {
    protoRoots = List.copyOf(Objects.requireNonNull(protoRoots, "protoRoots"));
    Objects.requireNonNull(protoc, "protoc");
    Objects.requireNonNull(workDirectory, "workDirectory");
  }
}
