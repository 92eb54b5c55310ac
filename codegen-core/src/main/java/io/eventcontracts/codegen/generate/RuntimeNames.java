package io.eventcontracts.codegen.generate;

import com.palantir.javapoet.ClassName;

/** The runtime types generated code refers to (by name: codegen-core does not depend on the runtime). */
final class RuntimeNames {

  static final String PACKAGE = "io.eventcontracts.runtime";
  static final ClassName EVENT_TYPE = ClassName.get(PACKAGE, "EventType");
  static final ClassName EVENT_CLIENT = ClassName.get(PACKAGE, "EventClient");
  static final ClassName LISTENER = ClassName.get(PACKAGE, "Listener");
  static final ClassName PUBLISHER = ClassName.get(PACKAGE, "Publisher");
  static final ClassName MESSAGE_CONTEXT = ClassName.get(PACKAGE, "MessageContext");

  private RuntimeNames() {}
}
