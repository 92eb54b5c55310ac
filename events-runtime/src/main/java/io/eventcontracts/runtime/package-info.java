/**
 * The runtime API that generated code and services use: {@link io.eventcontracts.runtime.EventClient},
 * {@link io.eventcontracts.runtime.Listener}, {@link io.eventcontracts.runtime.Publisher}, contract validation
 * ({@link io.eventcontracts.runtime.ContractRegistry}), dead-lettering and metrics. Every failure is an
 * {@link io.eventcontracts.runtime.EventException}.
 */
package io.eventcontracts.runtime;
