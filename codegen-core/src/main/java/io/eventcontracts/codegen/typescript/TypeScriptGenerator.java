package io.eventcontracts.codegen.typescript;

import io.eventcontracts.codegen.generate.GeneratedFile;
import io.eventcontracts.codegen.model.AnyType;
import io.eventcontracts.codegen.model.ConstType;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.DataType;
import io.eventcontracts.codegen.model.Dialect;
import io.eventcontracts.codegen.model.EnumType;
import io.eventcontracts.codegen.model.Field;
import io.eventcontracts.codegen.model.ListType;
import io.eventcontracts.codegen.model.MapType;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.PrimitiveType;
import io.eventcontracts.codegen.model.TypeRef;
import io.eventcontracts.codegen.model.UnionType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the npm package of a contract set from the model alone: the {@code Subjects} enum, one declaration per named
 * type (interfaces for objects, string enums, union types), the seed-shaped {@code XxxEvent} interfaces, per event a
 * JetStream {@code XxxListener}/{@code XxxPublisher} with the subject fixed, the bundled contracts with their drafts
 * for the ajv validator, and the hand-written runtime ({@code src/runtime/*.ts}, copied verbatim). No Node is needed
 * to generate; compiling is {@code tsc} in the package ({@code npm run build}). Output is deterministic.
 *
 * <p>Type mapping: string, date-time, date and bytes → {@code string} (the wire text); every number kind →
 * {@code number} (the number rule of {@code runtime/reading.ts} refuses, on both runtimes, any number a JavaScript
 * number would not hold exactly); {@code ConstType} → its literal; {@code AnyType} → {@code unknown}; lists →
 * {@code Array<T>}; maps → {@code Record<string, T>}; an optional field gets {@code ?}, a nullable one
 * {@code | null}; an open object an index signature {@code [key: string]: unknown}. An event's data interface
 * carries an optional, never-present brand {@code [contractOf]?: Subjects.X}, so data of one event does not type-check
 * as another's even when the shapes are alike.
 */
public final class TypeScriptGenerator {

  /** The npm packages the generated code imports, with the versions the build tests it with. */
  public static final Map<String, String> DEPENDENCIES = Map.of(
      "ajv", "^8.20.0", "ajv-draft-04", "^1.0.0", "ajv-formats", "^3.0.1", "nats", "^2.29.3");
  /** The hand-written runtime sources copied into every package. */
  public static final List<String> RUNTIME_FILES =
      List.of("reading.ts", "validate.ts", "deadletter.ts", "jetstream.ts", "stan.ts");

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private final ContractSet contracts;
  private final TypeScriptNaming naming;

  private TypeScriptGenerator(ContractSet contracts, TypeScriptNaming naming) {
    this.contracts = contracts;
    this.naming = naming;
  }

  /**
   * Every file of the package, paths relative to the package directory, sorted by path.
   *
   * @param contracts the contract set
   * @param naming the names of the set's TypeScript naming pass
   * @param options package name, version, description
   */
  public static List<GeneratedFile> generate(ContractSet contracts, TypeScriptNaming naming,
      TypeScriptOptions options) {
    TypeScriptGenerator g = new TypeScriptGenerator(contracts, naming);
    List<GeneratedFile> files = new ArrayList<>();
    files.add(file("package.json", g.packageJson(options)));
    files.add(file("tsconfig.json", TSCONFIG));
    files.add(file("src/subjects.ts", g.subjects()));
    files.add(file("src/types.ts", g.types()));
    files.add(file("src/contracts.ts", g.contractsTs()));
    files.add(file("src/events.ts", g.events()));
    files.add(file("src/stan-events.ts", g.stanEvents()));
    files.add(file("src/index.ts", INDEX));
    for (String runtime : RUNTIME_FILES) {
      files.add(new GeneratedFile(GeneratedFile.Target.RESOURCE, "src/runtime/" + runtime, resource(runtime)));
    }
    for (Contract c : contracts.contracts()) {
      files.add(new GeneratedFile(GeneratedFile.Target.RESOURCE, "schemas/" + c.bundlePath(),
          c.document().content()));
    }
    files.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
    return files;
  }

  private static GeneratedFile file(String path, String content) {
    return new GeneratedFile(GeneratedFile.Target.RESOURCE, path, content.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] resource(String name) {
    try (InputStream in = TypeScriptGenerator.class.getResourceAsStream("runtime/" + name)) {
      if (in == null) {
        throw new IllegalStateException("runtime/" + name + " missing from the codegen jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String HEADER = "// Generated by eventcontracts (generate-typescript) from the contracts; do not edit.\n";

  private static final String TSCONFIG = """
      {
        "compilerOptions": {
          "target": "ES2020",
          "module": "commonjs",
          "lib": ["ES2020"],
          "types": ["node"],
          "strict": true,
          "declaration": true,
          "esModuleInterop": true,
          "resolveJsonModule": true,
          "skipLibCheck": true,
          "outDir": "dist",
          "rootDir": "src"
        },
        "include": ["src"]
      }
      """;

  private static final String INDEX = HEADER + """
      export * from './subjects';
      export * from './types';
      export * from './contracts';
      export * from './events';
      export { Violation, ReadingLimits, DEFAULT_LIMITS, UnparseablePayload, readPayload } from './runtime/reading';
      export { ContractDescriptor, ContractValidator, PayloadVerdict, UnknownSubject } from './runtime/validate';
      export {
        DeadLetterEnvelope, DeadLetterReason, DEAD_LETTER_PREFIX, readDeadLetter,
      } from './runtime/deadletter';
      export {
        ContractEvent, EventClient, EventClientOptions, InvalidPayload, Listener, ListenerSubscription, Publisher,
        HEADER_CONTENT_TYPE, HEADER_CONTRACT_ID, HEADER_CONTRACT_VERSION, HEADER_DEAD_LETTER_REASON,
        HEADER_ORIGINAL_SUBJECT,
      } from './runtime/jetstream';
      """;

  private String packageJson(TypeScriptOptions options) {
    StringBuilder deps = new StringBuilder();
    DEPENDENCIES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> deps
        .append(deps.length() == 0 ? "" : ",\n").append("    ").append(json(e.getKey())).append(": ")
        .append(json(e.getValue())));
    return "{\n"
        + "  \"name\": " + json(options.name()) + ",\n"
        + "  \"version\": " + json(options.version()) + ",\n"
        + "  \"description\": " + json(options.description()) + ",\n"
        + "  \"license\": \"Apache-2.0\",\n"
        + "  \"main\": \"dist/index.js\",\n"
        + "  \"types\": \"dist/index.d.ts\",\n"
        + "  \"files\": [\"dist\", \"src\", \"schemas\"],\n"
        + "  \"scripts\": {\n    \"build\": \"tsc -p tsconfig.json\"\n  },\n"
        + "  \"dependencies\": {\n" + deps + "\n  },\n"
        + "  \"peerDependencies\": {\n    \"node-nats-streaming\": \"^0.3.2\"\n  },\n"
        + "  \"peerDependenciesMeta\": {\n    \"node-nats-streaming\": {\n      \"optional\": true\n    }\n  },\n"
        + "  \"devDependencies\": {\n    \"@types/node\": \"^20.0.0\",\n    \"node-nats-streaming\": \"^0.3.2\",\n"
        + "    \"typescript\": \"^5.9.3\"\n  }\n"
        + "}\n";
  }

  private String subjects() {
    StringBuilder out = new StringBuilder(HEADER);
    out.append("\n/** The NATS subject of every event contract (the seed's Subjects enum). */\n");
    out.append("export enum Subjects {\n");
    for (Contract c : contracts.events()) {
      out.append("  ").append(naming.subjectMember(c)).append(" = ").append(json(c.subject())).append(",\n");
    }
    out.append("}\n");
    return out.toString();
  }

  private String types() {
    StringBuilder out = new StringBuilder(HEADER);
    out.append("import { Subjects } from './subjects';\n\n");
    out.append("/**\n * Brand of an event's data interface: never present on the wire (an optional property keyed by a\n"
        + " * symbol that exists only for the compiler), it keeps one event's data from type-checking as another's.\n"
        + " */\nexport declare const contractOf: unique symbol;\n");
    Map<DataType, Contract> eventRoots = new java.util.IdentityHashMap<>();
    contracts.events().forEach(c -> eventRoots.put(c.rootType(), c));
    for (DataType named : naming.namedTypes()) {
      out.append('\n');
      if (named instanceof ObjectType o) {
        objectType(out, o, eventRoots.get(o));
      } else if (named instanceof EnumType e) {
        doc(out, "", e.description());
        out.append("export enum ").append(naming.typeName(e)).append(" {\n");
        for (String value : e.values()) {
          out.append("  ").append(naming.member(e, value)).append(" = ").append(json(value)).append(",\n");
        }
        out.append("}\n");
      } else if (named instanceof UnionType u) {
        doc(out, "", u.description() == null ? null : u.description()
            + (u.discriminator() == null ? "" : "\n\nDiscriminated by \"" + u.discriminator() + "\"."));
        List<String> branches = new ArrayList<>();
        u.branches().forEach(b -> branches.add(type(b.type())));
        out.append("export type ").append(naming.typeName(u)).append(" = ")
            .append(branches.isEmpty() ? "never" : String.join(" | ", branches)).append(";\n");
      }
    }
    out.append('\n');
    for (Contract c : contracts.events()) {
      doc(out, "", "The event on " + c.subject() + " (contract " + c.id() + ", version " + c.version() + ").");
      out.append("export interface ").append(naming.eventInterface(c)).append(" {\n")
          .append("  subject: Subjects.").append(naming.subjectMember(c)).append(";\n")
          .append("  data: ").append(type(c.rootType())).append(";\n}\n\n");
    }
    out.append("/** The data type of each subject. */\nexport interface EventDataBySubject {\n");
    for (Contract c : contracts.events()) {
      out.append("  [Subjects.").append(naming.subjectMember(c)).append("]: ").append(type(c.rootType()))
          .append(";\n");
    }
    out.append("}\n");
    return out.toString();
  }

  private void objectType(StringBuilder out, ObjectType o, Contract event) {
    doc(out, "", o.description());
    out.append("export interface ").append(naming.typeName(o)).append(" {\n");
    for (Field f : o.fields()) {
      String description = f.description();
      String constraints = f.constraints().describe();
      if (!constraints.isEmpty()) {
        description = (description == null ? "" : description + "\n\n") + "Contract: " + constraints + ".";
      }
      doc(out, "  ", description);
      out.append("  ").append(propertyName(f.name())).append(f.required() ? "" : "?").append(": ")
          .append(type(f.type())).append(f.nullable() ? " | null" : "").append(";\n");
    }
    if (event != null) {
      out.append("  readonly [contractOf]?: Subjects.").append(naming.subjectMember(event)).append(";\n");
    }
    switch (o.additionalProperties().kind()) {
      case OPEN -> out.append("  /** The contract allows further properties. */\n  [key: string]: unknown;\n");
      case TYPED -> {
        String value = type(o.additionalProperties().valueType());
        if (o.fields().isEmpty() && event == null) {
          out.append("  [key: string]: ").append(value).append(";\n");
        } else {
          out.append("  /** Further properties, each a ").append(value.replace("*/", "*\\/"))
              .append(". */\n  [key: string]: unknown;\n");
        }
      }
      case CLOSED -> { }
    }
    out.append("}\n");
  }

  /** The TypeScript type expression of a model type. */
  String type(DataType t) {
    if (t instanceof PrimitiveType p) {
      return switch (p) {
        case STRING, DATE_TIME, DATE, BYTES -> "string";
        case INTEGER, LONG, BIG_INTEGER, DECIMAL, DOUBLE -> "number";
        case BOOLEAN -> "boolean";
      };
    } else if (t instanceof ConstType c) {
      return c.json();
    } else if (t instanceof AnyType) {
      return "unknown";
    } else if (t instanceof ObjectType || t instanceof EnumType || t instanceof UnionType) {
      return naming.typeName(t);
    } else if (t instanceof ListType l) {
      return "Array<" + type(l.element()) + ">";
    } else if (t instanceof MapType m) {
      return "Record<string, " + type(m.value()) + ">";
    } else if (t instanceof TypeRef r) {
      return type(contracts.resolve(r));
    }
    throw new IllegalArgumentException("unknown model type " + t);
  }

  private String contractsTs() {
    StringBuilder out = new StringBuilder(HEADER);
    out.append("import { Subjects } from './subjects';\n")
        .append("import { EventDataBySubject } from './types';\n")
        .append("import { ContractDescriptor, ContractValidator } from './runtime/validate';\n")
        .append("import { Violation } from './runtime/reading';\n\n")
        .append("/** Every bundled contract, exactly as the Java runtime bundles it, with the draft it is validated"
            + " with. */\n")
        .append("export const CONTRACTS: readonly ContractDescriptor[] = [\n");
    for (Contract c : contracts.contracts()) {
      Dialect dialect = c.dialect() == null ? Dialect.DRAFT_2020_12 : c.dialect();
      out.append("  {\n    id: ").append(json(c.id())).append(",\n");
      if (c.isEvent()) {
        out.append("    subject: ").append(json(c.subject())).append(",\n");
      }
      out.append("    version: ").append(c.version()).append(",\n")
          .append("    dialect: ").append(json(dialect.uri())).append(",\n")
          .append("    schemaText: ").append(json(new String(c.document().content(), StandardCharsets.UTF_8)))
          .append(",\n  },\n");
    }
    out.append("];\n\n")
        .append("/** The validator of this package's contracts (compiled once, when the package is loaded). */\n")
        .append("export const validator = new ContractValidator(CONTRACTS);\n\n")
        .append("/** Every violation of `data` against the contract of `subject`, sorted by JSON pointer; [] when"
            + " valid. */\n")
        .append("export function validate(subject: Subjects, data: unknown): Violation[] {\n")
        .append("  return validator.validate(subject, data);\n}\n\n")
        .append("/** True when `data` is a valid event of `subject`; narrows its type. */\n")
        .append("export function isValid<S extends Subjects>(subject: S, data: unknown): data is"
            + " EventDataBySubject[S] {\n")
        .append("  return validator.validate(subject, data).length === 0;\n}\n");
    return out.toString();
  }

  private String events() {
    StringBuilder out = new StringBuilder(HEADER);
    out.append("import { Subjects } from './subjects';\n");
    List<String> imports = new ArrayList<>();
    contracts.events().forEach(c -> imports.add(naming.eventInterface(c)));
    if (!imports.isEmpty()) {
      out.append("import { ").append(String.join(", ", imports)).append(" } from './types';\n");
    }
    out.append("import { Listener, Publisher } from './runtime/jetstream';\n");
    for (Contract c : contracts.events()) {
      String member = naming.subjectMember(c);
      String event = naming.eventInterface(c);
      out.append("\n/** Listens to ").append(c.subject()).append(" on JetStream; extend it, set queueGroupName and"
          + " implement onMessage. */\n");
      out.append("export abstract class ").append(naming.listenerClass(c)).append(" extends Listener<")
          .append(event).append("> {\n  readonly subject = Subjects.").append(member).append(";\n}\n");
      out.append("\n/** Publishes ").append(c.subject()).append(" on JetStream, validated first. */\n");
      out.append("export class ").append(naming.publisherClass(c)).append(" extends Publisher<").append(event)
          .append("> {\n  readonly subject = Subjects.").append(member).append(";\n}\n");
    }
    return out.toString();
  }

  /** Per event the NATS Streaming classes (entry point dist/stan-events: only it loads node-nats-streaming). */
  private String stanEvents() {
    StringBuilder out = new StringBuilder(HEADER);
    out.append("import { Subjects } from './subjects';\n");
    List<String> imports = new ArrayList<>();
    contracts.events().forEach(c -> imports.add(naming.eventInterface(c)));
    if (!imports.isEmpty()) {
      out.append("import { ").append(String.join(", ", imports)).append(" } from './types';\n");
    }
    out.append("import { StanListener, StanPublisher } from './runtime/stan';\n");
    out.append("export { StanListener, StanPublisher, STAN_DEAD_LETTER_PREFIX } from './runtime/stan';\n");
    for (Contract c : contracts.events()) {
      String member = naming.subjectMember(c);
      String event = naming.eventInterface(c);
      out.append("\n/** Listens to ").append(c.subject()).append(" on NATS Streaming (the seed's Listener). */\n");
      out.append("export abstract class ").append(naming.stanListenerClass(c)).append(" extends StanListener<")
          .append(event).append("> {\n  readonly subject = Subjects.").append(member).append(";\n}\n");
      out.append("\n/** Publishes ").append(c.subject()).append(" on NATS Streaming, validated first. */\n");
      out.append("export class ").append(naming.stanPublisherClass(c)).append(" extends StanPublisher<")
          .append(event).append("> {\n  readonly subject = Subjects.").append(member).append(";\n}\n");
    }
    return out.toString();
  }

  private static String propertyName(String wire) {
    return IDENTIFIER.matcher(wire).matches() ? wire : json(wire);
  }

  private static void doc(StringBuilder out, String indent, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    String body = text.strip().replace("*/", "*\\/");
    if (!body.contains("\n")) {
      out.append(indent).append("/** ").append(body).append(" */\n");
      return;
    }
    out.append(indent).append("/**\n");
    for (String line : body.split("\n", -1)) {
      out.append(indent).append(line.isEmpty() ? " *" : " * " + line).append('\n');
    }
    out.append(indent).append(" */\n");
  }

  /** A JSON (and TypeScript) string literal. */
  static String json(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
