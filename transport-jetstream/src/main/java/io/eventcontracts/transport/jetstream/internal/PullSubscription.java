package io.eventcontracts.transport.jetstream.internal;

import io.eventcontracts.runtime.spi.InboundHandler;
import io.eventcontracts.runtime.spi.TransportSubscription;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.StreamContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running pull consumer. Every member of a queue group runs one of these on the same durable consumer; the
 * server hands each message to one of them.
 */
final class PullSubscription implements TransportSubscription {

  private static final Logger LOG = LoggerFactory.getLogger(PullSubscription.class);

  private final StreamContext stream;
  private final String consumerName;
  private final String subject;
  private final boolean deleteOnClose;
  private final InboundHandler handler;
  private final Duration drainTimeout;
  private final Runnable onClosed;
  /** Held while the handler runs, so close() can wait for the message in hand. */
  private final ReentrantLock handling = new ReentrantLock();
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile MessageConsumer consumer;

  PullSubscription(StreamContext stream, String consumerName, String subject, boolean deleteOnClose,
      InboundHandler handler, Duration drainTimeout, Runnable onClosed) {
    this.stream = stream;
    this.consumerName = consumerName;
    this.subject = subject;
    this.deleteOnClose = deleteOnClose;
    this.handler = handler;
    this.drainTimeout = drainTimeout;
    this.onClosed = onClosed;
  }

  /** Opens a pull loop on the server-side consumer; called again after a reconnect. */
  interface ConsumerStarter {
    MessageConsumer start(PullSubscription subscription) throws Exception;
  }

  private ConsumerStarter starter;

  void start(ConsumerStarter starter) throws Exception {
    this.starter = starter;
    this.consumer = starter.start(this);
  }

  /**
   * After a reconnect the pull request this client had open is gone (the server may have restarted); jnats would
   * notice only after missed heartbeats, so the pull loop is replaced at once.
   */
  synchronized void restart() {
    if (closing.get() || starter == null) {
      return;
    }
    MessageConsumer old = consumer;
    try {
      if (old != null) {
        old.stop();
        old.close();
      }
    } catch (Exception e) {
      LOG.debug("closing the old pull loop of {} failed", consumerName, e);
    }
    try {
      consumer = starter.start(this);
      LOG.debug("pull loop of consumer {} restarted after reconnect", consumerName);
    } catch (Exception e) {
      LOG.warn("cannot restart consumer {} on {} after reconnect: {}", consumerName, subject, e.toString());
    }
  }

  String consumerName() {
    return consumerName;
  }

  /** Called on the consumer's dispatcher thread, one message at a time. */
  void onMessage(Message message) {
    if (!message.isJetStream()) {
      return;
    }
    if (closing.get()) {
      // pulled before close(): hand it straight back so another member of the group gets it now
      nakQuietly(message);
      return;
    }
    handling.lock();
    try {
      if (closing.get()) {
        nakQuietly(message);
        return;
      }
      handler.onMessage(new JetStreamInboundMessage(message));
    } catch (RuntimeException | Error e) {
      // not acked: the server redelivers after the ack wait, as NATS Streaming did
      LOG.warn("handler for {} (consumer {}) failed; the message will be redelivered after the ack wait",
          subject, consumerName, e);
    } finally {
      handling.unlock();
    }
  }

  private static void nakQuietly(Message message) {
    try {
      message.nak();
    } catch (RuntimeException ignored) {
      // connection gone: the ack wait brings it back
    }
  }

  @Override
  public void close() {
    stop();
    if (deleteOnClose) {
      deleteConsumer();
    }
  }

  @Override
  public void unsubscribe() {
    stop();
    deleteConsumer();
  }

  /** Stops pulling, waits (bounded) for the message being handled, and unsubscribes; the consumer stays. */
  void stop() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    MessageConsumer c = consumer;
    try {
      if (c != null) {
        c.stop();
      }
      waitForHandler();
      if (c != null) {
        c.close();
      }
    } catch (Exception e) {
      LOG.debug("closing consumer {} failed", consumerName, e);
    } finally {
      onClosed.run();
    }
  }

  private void waitForHandler() {
    try {
      if (handling.tryLock(drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        handling.unlock();
      } else {
        LOG.warn("handler for {} still busy after {}; closing anyway (the message will be redelivered)",
            subject, drainTimeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deleteConsumer() {
    try {
      stream.deleteConsumer(consumerName);
    } catch (Exception e) {
      LOG.debug("deleting consumer {} failed (already gone?)", consumerName, e);
    }
  }

  @Override
  public String toString() {
    return "PullSubscription{" + subject + ", consumer=" + consumerName + "}";
  }
}
