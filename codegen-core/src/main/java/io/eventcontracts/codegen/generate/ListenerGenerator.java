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
 * Generates one abstract listener stub per event: {@code TicketCreatedListener extends Listener<TicketCreatedEvent>},
 * bound to its {@code EventTypes} constant, with {@code onMessage} redeclared so IDEs offer the typed signature.
 */
public final class ListenerGenerator {

  private final io.eventcontracts.codegen.naming.JavaNaming naming;

  /** Uses the names of the run's naming pass. */
  public ListenerGenerator(io.eventcontracts.codegen.naming.JavaNaming naming) {
    this.naming = naming;
  }

  public List<GeneratedFile> generate(ContractSet contracts, String packageName) {
    List<GeneratedFile> files = new ArrayList<>();
    ClassName eventTypes = ClassName.get(packageName, EventTypesGenerator.CLASS_NAME);
    for (Contract event : contracts.events()) {
      ClassName eventClass = ClassName.get(packageName, naming.eventClass(event));
      String constant = JavaNames.constantName(event.subject());
      TypeSpec type = TypeSpec.classBuilder(naming.listenerClass(event))
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .superclass(ParameterizedTypeName.get(RuntimeNames.LISTENER, eventClass))
          .addJavadoc("Listens to {@code $L}: $L\n\n<p>Extend it, implement {@link #onMessage} and "
                  + "{@code queueGroupName()}, then call {@code listen()}.\n",
              event.subject(), JavaFiles.describe(event))
          .addMethod(MethodSpec.constructorBuilder()
              .addModifiers(Modifier.PROTECTED)
              .addParameter(RuntimeNames.EVENT_CLIENT, "client")
              .addStatement("super(client, $T.$N)", eventTypes, constant)
              .build())
          .addMethod(MethodSpec.methodBuilder("onMessage")
              .addJavadoc("Handles one {@code $L} event; acknowledge it with {@code context.ack()} unless "
                  + "{@code autoAck()} is on. Throwing leaves it unacknowledged, so it is redelivered.\n",
                  event.subject())
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
              .addParameter(eventClass, "event")
              .addParameter(RuntimeNames.MESSAGE_CONTEXT, "context")
              .addException(Exception.class)
              .build())
          .build();
      files.add(JavaFiles.emit(packageName, type));
    }
    return files;
  }
}
