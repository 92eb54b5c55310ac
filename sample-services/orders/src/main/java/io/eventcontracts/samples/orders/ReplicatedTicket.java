package io.eventcontracts.samples.orders;

import java.math.BigDecimal;

/** The orders service's copy of a ticket, at the tickets service's {@code version}. */
public record ReplicatedTicket(String id, String title, BigDecimal price, long version) {}
