package io.eventcontracts.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.naming.JavaNames;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates one publisher per event: {@code TicketCreatedPublisher extends Publisher<TicketCreatedEvent>}, bound to
 * its {@code EventTypes} constant.
 */
public final class PublisherGenerator {

  private final io.eventcontracts.codegen.naming.JavaNaming naming;

  /** Uses the names of the run's naming pass. */
  public PublisherGenerator(io.eventcontracts.codegen.naming.JavaNaming naming) {
    this.naming = naming;
  }

  public List<GeneratedFile> generate(ContractSet contracts, String packageName) {
    List<GeneratedFile> files = new ArrayList<>();
    ClassName eventTypes = ClassName.get(packageName, EventTypesGenerator.CLASS_NAME);
    for (Contract event : contracts.events()) {
      ClassName eventClass = ClassName.get(packageName, naming.eventClass(event));
      TypeSpec type = TypeSpec.classBuilder(naming.publisherClass(event))
          .addModifiers(Modifier.PUBLIC)
          .superclass(ParameterizedTypeName.get(RuntimeNames.PUBLISHER, eventClass))
          .addJavadoc("Publishes {@code $L}: $L\n", event.subject(), JavaFiles.describe(event))
          .addMethod(MethodSpec.constructorBuilder()
              .addModifiers(Modifier.PUBLIC)
              .addParameter(RuntimeNames.EVENT_CLIENT, "client")
              .addStatement("super(client, $T.$N)", eventTypes, JavaNames.constantName(event.subject()))
              .build())
          .build();
      files.add(JavaFiles.emit(packageName, type));
    }
    return files;
  }
}
