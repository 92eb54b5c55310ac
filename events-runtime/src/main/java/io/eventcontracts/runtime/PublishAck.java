package io.eventcontracts.runtime;

/**
 * The server's acknowledgement of a publish.
 *
 * @param subject the subject published to
 * @param stream the JetStream stream that stored the message, or the NATS Streaming cluster id
 * @param sequence the stream sequence the server assigned; 0 where the transport does not report one
 * @param duplicate true when JetStream recognised the message id as already stored (nothing new was stored)
 */
public record PublishAck(String subject, String stream, long sequence, boolean duplicate) {}
