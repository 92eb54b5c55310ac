package io.eventcontracts.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventcontracts.runtime.tools.BundledContracts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BundledContractsTest {

  @Test
  void listsEveryBundledContractEventsFirstWithTheirJavaTypes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ContractRegistry registry = ContractRegistry.fromClasspath();

    BundledContracts.print(registry, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    long events = registry.contracts().stream().filter(ContractRegistry.Contract::isEvent).count();
    assertThat(lines).hasSize(registry.contracts().size() + 2);
    assertThat(lines[0]).startsWith("SUBJECT");
    assertThat(lines[1]).startsWith("order:created").contains("OrderCreated");
    assertThat(lines[lines.length - 2]).startsWith("(shared type)");
    assertThat(lines[lines.length - 1])
        .startsWith(events + " event contracts and " + (registry.contracts().size() - events) + " shared type(s)");
  }
}
