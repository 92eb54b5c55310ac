package io.eventcontracts.codegen.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.codegen.Codegen;
import io.eventcontracts.codegen.CodegenRequest;
import io.eventcontracts.codegen.jsonschema.JsonSchemaContractLoader;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.runtime.ContractRegistry;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example payload the catalog shows for a contract is valid against that contract, as the runtime's validator
 * (networknt, with the contract's own draft and format assertions) judges it: for every contract of the ticketing
 * schemas, the draft-07 webhook corpus (unions, open objects, references across files) and the draft corpus (every
 * draft, integer ranges beyond 64 bits, value unions).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplePayloadsValidateTest {

  static final List<Path> ROOTS = List.of(Path.of("../schemas/json"), Path.of("src/test/resources/corpus/webhooks"),
      Path.of("src/test/resources/corpus/drafts"));

  final List<Arguments> cases = new ArrayList<>();
  final List<URLClassLoader> loaders = new ArrayList<>();

  @BeforeAll
  void bundleEveryRoot() throws Exception {
    Path work = Files.createTempDirectory("catalog-examples");
    int i = 0;
    for (Path root : ROOTS) {
      Path resources = work.resolve("res" + i);
      Codegen.execute(new CodegenRequest(List.of(root), "com.example.c" + i++, work.resolve("java"), resources,
          null));
      URLClassLoader loader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null);
      loaders.add(loader);
      ContractRegistry registry = ContractRegistry.builder().classLoader(loader).build();
      ContractSet set = JsonSchemaContractLoader.load(List.of(root));
      ExamplePayloads examples = new ExamplePayloads(set);
      for (Contract c : set.contracts()) {
        cases.add(Arguments.of(Named.of(root.getFileName() + "/" + c.bundlePath(), c), examples, registry));
      }
    }
  }

  @AfterAll
  void close() throws Exception {
    for (URLClassLoader l : loaders) {
      l.close();
    }
  }

  Stream<Arguments> contracts() {
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void exampleValidatesAgainstItsContract(Contract contract, ExamplePayloads examples, ContractRegistry registry) {
    ExamplePayloads.Example example = examples.exampleOf(contract);
    String json = ExamplePayloads.pretty(example.payload());
    var tree = JsonMapper.builder().build().readTree(json);
    if (example.untyped().isEmpty()) {
      assertThat(registry.validate(contract.id(), tree)).as("violations of\n%s", json).isEmpty();
    } else {
      // the model does not type these values (prefixItems, a oneOf of two strings); the catalog flags the example,
      // and this pins that the flag is needed: the untyped value is what the validator refuses
      assertThat(registry.validate(contract.id(), tree)).as("violations of\n%s", json).isNotEmpty()
          .allSatisfy(v -> assertThat(example.untyped()).anySatisfy(u -> assertThat(v.pointer())
              .startsWith("/" + u.substring(0, u.indexOf(':')))));
    }
  }

  @org.junit.jupiter.api.Test
  void onlyTheTwoContractsWithUntypedValuesGetAFlaggedExample() {
    assertThat(cases.stream().filter(a -> {
      Object[] args = a.get();
      Contract c = (Contract) ((Named<?>) args[0]).getPayload();
      return !((ExamplePayloads) args[1]).exampleOf(c).untyped().isEmpty();
    }).map(a -> ((Named<?>) a.get()[0]).getName())).containsExactly("drafts/d2020.json", "drafts/unions.json");
  }

  @org.junit.jupiter.api.Test
  void everyRootContributesContracts() {
    assertThat(cases).hasSizeGreaterThan(15);
  }
}
