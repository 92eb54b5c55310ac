package io.eventcontracts.codegen.compat;

import io.eventcontracts.codegen.Codegen;
import io.eventcontracts.codegen.ContractException;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.proto.ProtobufContractLoader;
import io.eventcontracts.codegen.proto.ProtobufOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Loads baselines into the model with the same loader (and options) as the working contracts.
 *
 * <p>Git baselines use the {@code git} command line (present wherever a clone is): no library to keep in step with
 * the repository format (linked worktrees, partial and shallow clones, new index versions all just work), and the
 * user's own git configuration applies. The files of the contract directory at the ref are read with one
 * {@code git cat-file --batch} and loaded from a temporary directory.
 */
public final class Baselines {

  private Baselines() {}

  /**
   * How baselines are read, the same way as the working contracts: JSON Schema options, and for {@code .proto}
   * contracts the protoc to compile them with.
   *
   * @param options how JSON Schema files are read
   * @param protoc the protoc executable; {@code null} when the project has no {@code .proto} contracts (a baseline
   *     holding {@code .proto} files then cannot be read: a clear error)
   * @param sharedRoots roots that are the same for the working set and every baseline (extracted contract
   *     dependencies), read as JSON Schema and {@code .proto} roots so references into them resolve
   */
  public record Sources(JsonSchemaContractLoader.Options options, Path protoc, List<Path> sharedRoots) {

    public Sources {
      options = options == null ? JsonSchemaContractLoader.Options.DEFAULT : options;
      sharedRoots = sharedRoots == null ? List.of() : List.copyOf(sharedRoots);
    }

    /** JSON Schema only. */
    public static Sources json(JsonSchemaContractLoader.Options options) {
      return new Sources(options, null, List.of());
    }
  }

  /** The contracts below {@code directory} (e.g. an unpacked release). */
  public static Baseline fromDirectory(String label, Path directory, JsonSchemaContractLoader.Options options) {
    return fromDirectory(label, directory, Sources.json(options));
  }

  /**
   * The contracts below {@code directory} (e.g. an unpacked release), JSON Schema and {@code .proto} files alike:
   * the directory is read as a JSON Schema root and as a proto root.
   */
  public static Baseline fromDirectory(String label, Path directory, Sources sources) {
    if (!Files.isDirectory(directory)) {
      throw new BaselineException("baseline directory " + directory + " does not exist; give the directory of the "
          + "released contracts", true);
    }
    return new Baseline(label, load(label, List.of(directory), List.of(directory), sources));
  }

  /**
   * The contracts of {@code contractRoot} as committed at {@code ref} ({@code HEAD}, a branch, a tag, a commit).
   *
   * @throws BaselineException {@link BaselineException#missing() missing} when the directory is not in a git working
   *     tree, git is not installed, or the ref is unknown (e.g. not fetched by a shallow clone)
   */
  public static Baseline fromGit(Path contractRoot, String ref, JsonSchemaContractLoader.Options options) {
    return fromGit(List.of(contractRoot), List.of(), ref, Sources.json(options));
  }

  /**
   * The contracts of the JSON Schema roots and the proto roots as committed at {@code ref}, read like the working
   * contracts. Roots that do not exist in the working tree are skipped; a root missing at {@code ref} is empty.
   *
   * @throws BaselineException {@link BaselineException#missing() missing} when no root is in a git working tree, git
   *     is not installed, or the ref is unknown (e.g. not fetched by a shallow clone)
   */
  public static Baseline fromGit(List<Path> jsonRoots, List<Path> protoRoots, String ref, Sources sources) {
    List<Path> existingJson = jsonRoots.stream().filter(Files::isDirectory).toList();
    List<Path> existingProto = protoRoots.stream().filter(Files::isDirectory).toList();
    if (existingJson.isEmpty() && existingProto.isEmpty()) {
      Path first = jsonRoots.isEmpty() ? (protoRoots.isEmpty() ? Path.of(".") : protoRoots.get(0)) : jsonRoots.get(0);
      throw new BaselineException("contract directory " + first + " does not exist", true);
    }
    Path anyRoot = (existingJson.isEmpty() ? existingProto : existingJson).get(0).toAbsolutePath().normalize();
    Git git = new Git(anyRoot);
    String top = git.run(List.of("rev-parse", "--show-toplevel"), null, "not in a git working tree ("
        + (existingJson.isEmpty() ? existingProto : existingJson).get(0)
        + "); run the check in a clone, or choose a directory or Maven baseline").trim();
    String resolved = git.tryRun(List.of("rev-parse", "--verify", "--quiet", ref + "^{commit}"));
    if (resolved == null || resolved.isBlank()) {
      boolean shallow = "true".equals(String.valueOf(git.tryRun(List.of("rev-parse", "--is-shallow-repository")))
          .trim());
      throw new BaselineException("git ref \"" + ref + "\" does not name a commit in " + top
          + (shallow ? " (this is a shallow clone)" : "") + "; "
          + (shallow ? "fetch it (git fetch --depth=50 origin " + ref + ", or git fetch --unshallow)"
              : "check the ref, or fetch it") + ", or choose another baseline", true);
    }
    String commit = resolved.trim();
    String label = "git " + ref + " (" + commit.substring(0, Math.min(7, commit.length())) + ")";
    Path temp;
    try {
      temp = Files.createTempDirectory("eventcontracts-baseline-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      List<Path> json = new ArrayList<>();
      for (int i = 0; i < existingJson.size(); i++) {
        json.add(extract(git, top, commit, ref, existingJson.get(i), temp.resolve(i == 0 ? "contracts" : "json-" + i)));
      }
      List<Path> proto = new ArrayList<>();
      for (int i = 0; i < existingProto.size(); i++) {
        proto.add(extract(git, top, commit, ref, existingProto.get(i), temp.resolve("proto-" + i)));
      }
      return new Baseline(label, load(label, json, proto, sources));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(temp);
    }
  }

  /** Writes the files of {@code root} at {@code commit} below {@code dir} (one {@code git cat-file --batch}). */
  private static Path extract(Git git, String top, String commit, String ref, Path root, Path dir)
      throws IOException {
    String relative = Path.of(top).toRealPath().relativize(root.toRealPath()).toString().replace('\\', '/');
    String listing = git.run(List.of("ls-tree", "--full-tree", "-r", "-z", "--name-only", commit, "--", relative.isEmpty()
        ? "." : relative), null, "cannot list " + relative + " at " + ref);
    List<String> files = new ArrayList<>();
    for (String name : listing.split("\0")) {
      if (!name.isBlank()) {
        files.add(name);
      }
    }
    Files.createDirectories(dir);
    if (!files.isEmpty()) {
      StringBuilder input = new StringBuilder();
      files.forEach(f -> input.append(commit).append(':').append(f).append('\n'));
      byte[] out = git.runBytes(List.of("cat-file", "--batch"), input.toString().getBytes(StandardCharsets.UTF_8));
      int at = 0;
      for (String name : files) {
        int eol = indexOf(out, (byte) '\n', at);
        String header = new String(out, at, eol - at, StandardCharsets.UTF_8);
        String[] parts = header.split(" ");
        int size = Integer.parseInt(parts[2]);
        String inRoot = relative.isEmpty() ? name : name.substring(relative.length() + 1);
        Path target = dir.resolve(inRoot).normalize();
        if (!target.startsWith(dir)) {
          throw new IllegalStateException("git path escapes the baseline directory: " + name);
        }
        Files.createDirectories(target.getParent());
        Files.write(target, java.util.Arrays.copyOfRange(out, eol + 1, eol + 1 + size));
        at = eol + 1 + size + 1;
      }
    }
    return dir;
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new IllegalStateException("unexpected end of git cat-file output");
  }

  private static ContractSet load(String label, List<Path> jsonRoots, List<Path> protoRoots, Sources sources) {
    List<Path> json = new ArrayList<>(jsonRoots);
    json.addAll(sources.sharedRoots());
    List<Path> proto = new ArrayList<>(protoRoots);
    proto.addAll(sources.sharedRoots());
    boolean anyProto = !ProtobufContractLoader.protoFiles(proto).isEmpty();
    if (anyProto && sources.protoc() == null) {
      throw new BaselineException("the baseline (" + label + ") has .proto contracts but no protoc is configured; "
          + "give the check a protoc (the plugin resolves one when the project has .proto contracts; "
          + "CheckMain: --protoc PATH)", false);
    }
    Path work = null;
    try {
      ProtobufOptions protobuf = null;
      if (anyProto) {
        work = Files.createTempDirectory("eventcontracts-baseline-protoc-");
        protobuf = new ProtobufOptions(proto, sources.protoc(), work, false);
      }
      return Codegen.load(json, sources.options(), protobuf).contracts();
    } catch (ContractException e) {
      throw new BaselineException("the baseline (" + label + ") has contract errors, so it cannot be compared: "
          + e.getMessage().replace('\n', ' ') + "; choose another baseline", false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(work);
    }
  }

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  /** The {@code git} command line, run in one directory. */
  private record Git(Path dir) {

    String run(List<String> args, byte[] input, String failure) {
      Result r = exec(args, input);
      if (r == null || r.exit != 0) {
        throw new BaselineException(failure + (r == null ? " (git is not installed or not on the PATH)"
            : r.err.isBlank() ? "" : " (git: " + r.err.strip() + ")"), true);
      }
      return new String(r.out, StandardCharsets.UTF_8);
    }

    byte[] runBytes(List<String> args, byte[] input) {
      Result r = exec(args, input);
      if (r == null || r.exit != 0) {
        throw new BaselineException("git " + String.join(" ", args) + " failed"
            + (r == null ? "" : ": " + r.err.strip()), true);
      }
      return r.out;
    }

    String tryRun(List<String> args) {
      Result r = exec(args, null);
      return r == null || r.exit != 0 ? null : new String(r.out, StandardCharsets.UTF_8);
    }

    private Result exec(List<String> args, byte[] input) {
      List<String> command = new ArrayList<>();
      command.add("git");
      command.add("-C");
      command.add(dir.toString());
      command.addAll(args);
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        Thread writer = new Thread(() -> {
          try (var in = p.getOutputStream()) {
            if (input != null) {
              in.write(input);
            }
          } catch (IOException ignored) {
            // the process ended early; its exit code tells
          }
        });
        writer.start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> copy(p.getErrorStream(), err));
        errReader.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return null;
        }
        writer.join();
        errReader.join();
        return new Result(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
      try {
        in.transferTo(out);
      } catch (IOException ignored) {
        // stderr is only for messages
      }
    }
  }

  private record Result(int exit, byte[] out, String err) {}
}
