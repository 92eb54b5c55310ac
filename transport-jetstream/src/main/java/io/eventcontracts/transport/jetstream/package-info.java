/**
 * The JetStream binding of the eventcontracts runtime: {@link io.eventcontracts.transport.jetstream.JetStreamTransport}
 * configured by {@link io.eventcontracts.transport.jetstream.JetStreamOptions}. See {@code docs/transport-jetstream.md}
 * for every option, the stream layout and how the NATS Streaming subscription options map to JetStream.
 */
package io.eventcontracts.transport.jetstream;
