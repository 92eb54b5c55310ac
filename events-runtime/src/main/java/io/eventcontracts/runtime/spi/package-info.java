/**
 * The service-provider interface a broker binding implements: {@link io.eventcontracts.runtime.spi.Transport}
 * moves validated bytes; everything else is done once, above it, by the runtime.
 */
package io.eventcontracts.runtime.spi;
