package io.eventcontracts.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.naming.JavaNames;
import javax.lang.model.element.Modifier;

/**
 * Generates the {@code Subjects} enum: one constant per event subject, {@code TICKET_CREATED("ticket:created")}, with
 * {@code value()} and {@code fromValue(String)}.
 */
public final class SubjectsGenerator {

  private final io.eventcontracts.codegen.naming.JavaNaming naming;

  /** Uses the names of the run's naming pass. */
  public SubjectsGenerator(io.eventcontracts.codegen.naming.JavaNaming naming) {
    this.naming = naming;
  }

  public static final String CLASS_NAME = "Subjects";

  public GeneratedFile generate(ContractSet contracts, String packageName) {
    ClassName self = ClassName.get(packageName, CLASS_NAME);
    TypeSpec.Builder type = TypeSpec.enumBuilder(CLASS_NAME)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The NATS subjects of the event contracts of this package.\n");
    for (Contract event : contracts.events()) {
      type.addEnumConstant(JavaNames.constantName(event.subject()),
          TypeSpec.anonymousClassBuilder("$S", event.subject())
              .addJavadoc("{@code $L}: $L\n", event.subject(), JavaFiles.describe(event))
              .build());
    }
    type.addField(FieldSpec.builder(String.class, "value", Modifier.PRIVATE, Modifier.FINAL).build());
    type.addMethod(MethodSpec.constructorBuilder()
        .addParameter(String.class, "value")
        .addStatement("this.value = value")
        .build());
    type.addMethod(MethodSpec.methodBuilder("value")
        .addJavadoc("The subject as it appears on the wire, e.g. {@code ticket:created}.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return value")
        .build());
    type.addMethod(MethodSpec.methodBuilder("fromValue")
        .addJavadoc("The constant for a wire subject.\n\n@throws IllegalArgumentException when no event of this "
            + "package has that subject\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addParameter(ParameterSpec.builder(String.class, "value").build())
        .beginControlFlow("for ($T subject : values())", self)
        .beginControlFlow("if (subject.value.equals(value))")
        .addStatement("return subject")
        .endControlFlow()
        .endControlFlow()
        .addStatement("throw new $T($S + value)", IllegalArgumentException.class, "unknown subject: ")
        .build());
    return JavaFiles.emit(packageName, type.build());
  }
}
