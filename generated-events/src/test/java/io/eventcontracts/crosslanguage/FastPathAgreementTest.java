package io.eventcontracts.crosslanguage;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.runtime.ContractRegistry;
import io.eventcontracts.runtime.EventCodec;
import io.eventcontracts.runtime.EventException;
import io.eventcontracts.runtime.Violation;
import io.eventcontracts.runtime.internal.BundledSchemas;
import io.eventcontracts.runtime.internal.PayloadReading;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The runtime's "certainly valid" fast path in front of networknt changes no verdict and no violation: over every
 * sample of the agreement corpus, validation with the fast path gives exactly the violations networknt (with the
 * number rule) gives alone, and the fast path accepts no sample networknt refuses.
 */
class FastPathAgreementTest {

  static BundledSchemas schemas;
  static ContractRegistry registry;

  @BeforeAll
  static void load() throws Exception {
    AgreementCorpusTest.readCorpus();
    registry = ContractRegistry.fromClasspath();
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    for (ContractRegistry.Contract c : registry.contracts()) {
      bytes.put(c.id(), registry.schemaBytes(c.id()).orElseThrow());
    }
    schemas = new BundledSchemas(bytes.keySet(), bytes);
  }

  @Test
  void theFastPathChangesNoVerdictAndNoViolationOnAnyCorpusSample() {
    EventCodec codec = EventCodec.create();
    List<String> differ = new ArrayList<>();
    int parsed = 0;
    int fastAccepted = 0;
    for (AgreementCorpusTest.Sample s : AgreementCorpusTest.samples) {
      String id = registry.forSubject(s.subject()).orElseThrow().id();
      JsonNode tree;
      try {
        tree = codec.readTree(s.subject(), s.payload());
      } catch (EventException unparseable) {
        continue; // refused before validation: the fast path never sees it
      }
      parsed++;
      List<Violation> alone = schemas.validateWithoutFastPath(id, tree);
      List<Violation> withFastPath = schemas.validate(id, tree);
      boolean fast = schemas.fastAccepts(id, tree);
      if (fast && PayloadReading.numberViolations(tree).isEmpty()) {
        fastAccepted++;
      }
      // the fast path checks the schema only; the number rule runs before it (it is taken when both hold)
      boolean schemaViolations = alone.stream().anyMatch(v -> !v.keyword().equals("numberPrecision"));
      boolean taken = fast && PayloadReading.numberViolations(tree).isEmpty();
      if (!alone.equals(withFastPath) || (fast && schemaViolations) || (taken && !alone.isEmpty())) {
        differ.add(s.name() + ": networknt " + alone + ", with the fast path " + withFastPath + ", fast accepts "
            + fast);
      }
    }
    assertThat(differ).as("samples where the fast path changes the verdict or the violations").isEmpty();
    assertThat(parsed).isGreaterThan(300);
    // the fast path is actually taken (ticket:created and the other contracts inside its subset)
    assertThat(fastAccepted).isGreaterThan(20);
    System.out.printf("fast path taken on %d of %d parsed corpus samples%n", fastAccepted, parsed);
    assertThat(schemas.hasFastPath(registry.forSubject("ticket:created").orElseThrow().id())).isTrue();
  }
}
