package io.eventcontracts.spring;

import io.eventcontracts.runtime.EventClient;
import java.beans.Introspector;
import java.util.Map;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/** Turns {@link EventPublishers#value()} into bean definitions whose constructor gets the {@code EventClient}. */
final class EventPublishersRegistrar implements ImportBeanDefinitionRegistrar {

  @Override
  public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
    Map<String, Object> attributes = metadata.getAnnotationAttributes(EventPublishers.class.getName());
    if (attributes == null) {
      return;
    }
    for (Class<?> type : (Class<?>[]) attributes.get("value")) {
      try {
        type.getConstructor(EventClient.class);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("@EventPublishers: " + type.getName()
            + " has no public constructor (EventClient); list generated …Publisher classes or classes extending them");
      }
      String name = Introspector.decapitalize(type.getSimpleName());
      if (registry.containsBeanDefinition(name)) {
        continue;
      }
      RootBeanDefinition definition = new RootBeanDefinition(type);
      definition.setAutowireMode(AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR);
      registry.registerBeanDefinition(name, definition);
    }
  }
}
