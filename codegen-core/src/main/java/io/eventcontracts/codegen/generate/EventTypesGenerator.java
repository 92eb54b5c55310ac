package io.eventcontracts.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.naming.JavaNames;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code EventTypes}: one {@code EventType<TicketCreatedEvent> TICKET_CREATED = EventType.of(subject,
 * contract id, version, class)} constant per event, the handle every publish, subscribe and stub goes through.
 */
public final class EventTypesGenerator {

  private final io.eventcontracts.codegen.naming.JavaNaming naming;

  /** Uses the names of the run's naming pass. */
  public EventTypesGenerator(io.eventcontracts.codegen.naming.JavaNaming naming) {
    this.naming = naming;
  }

  public static final String CLASS_NAME = "EventTypes";

  public GeneratedFile generate(ContractSet contracts, String packageName) {
    TypeSpec.Builder type = TypeSpec.classBuilder(CLASS_NAME)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("The event types of this package: subject, contract id and version, and Java class of each "
            + "event.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (Contract event : contracts.events()) {
      ClassName eventClass = ClassName.get(packageName, naming.eventClass(event));
      type.addField(FieldSpec.builder(ParameterizedTypeName.get(RuntimeNames.EVENT_TYPE, eventClass),
              JavaNames.constantName(event.subject()), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("{@code $L} (contract $L, version $L): $L\n", event.subject(),
              event.bundlePath(), event.version(), JavaFiles.describe(event))
          .initializer("$T.of($S, $S, $L, $T.class)", RuntimeNames.EVENT_TYPE, event.subject(), event.id(),
              event.version(), eventClass)
          .build());
    }
    return JavaFiles.emit(packageName, type.build());
  }
}
