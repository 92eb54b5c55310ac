package io.eventcontracts.spring;

import io.eventcontracts.runtime.Publisher;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Registers the listed generated publishers as beans, each built with the application's {@code EventClient}:
 *
 * <pre>{@code
 * @SpringBootApplication
 * @EventPublishers({TicketCreatedPublisher.class, TicketUpdatedPublisher.class})
 * class TicketsApplication { ... }
 *
 * @Service
 * class Tickets { Tickets(TicketCreatedPublisher created) { ... } }
 * }</pre>
 *
 * <p>A publisher class needs a public constructor taking an {@code EventClient}, as every generated one has. The
 * bean name is the class's simple name with a lower-case first letter ({@code ticketCreatedPublisher}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(EventPublishersRegistrar.class)
public @interface EventPublishers {

  /** The publisher classes to register. */
  Class<? extends Publisher<?>>[] value();
}
