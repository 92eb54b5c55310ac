package io.eventcontracts.transport.jetstream.internal;

import io.eventcontracts.runtime.spi.InboundHandler;
import io.eventcontracts.runtime.spi.TransportSubscription;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
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

  private final Connection connection;
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
  /**
   * This subscription's own jnats dispatcher (one thread). Created here rather than left to {@code consume()}:
   * jnats' implicit per-consume dispatcher is never closed when the {@link MessageConsumer} closes (it only
   * unsubscribes from it), so every listen()+close() cycle used to leave a dispatcher thread behind until the
   * connection closed. We own it, reuse it across restarts, and close it in {@link #stop()}.
   */
  private volatile Dispatcher dispatcher;

  PullSubscription(Connection connection, StreamContext stream, String consumerName, String subject,
      boolean deleteOnClose, InboundHandler handler, Duration drainTimeout, Runnable onClosed) {
    this.connection = connection;
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
    /** Must deliver on {@code dispatcher} (the subscription's own, see {@link #dispatcher}). */
    MessageConsumer start(PullSubscription subscription, Dispatcher dispatcher) throws Exception;
  }

  private ConsumerStarter starter;

  void start(ConsumerStarter starter) throws Exception {
    this.starter = starter;
    this.dispatcher = connection.createDispatcher();
    try {
      this.consumer = starter.start(this, dispatcher);
    } catch (Exception | Error e) {
      closeDispatcher();
      throw e;
    }
  }

  /**
   * After a reconnect the pull request this client had open is gone (the server may have restarted); jnats would
   * notice only after missed heartbeats, so the pull loop is replaced at once.
   */
  synchronized void restart() {
    Dispatcher d = dispatcher;
    if (closing.get() || starter == null || d == null) {
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
      // same dispatcher: old.close() only unsubscribed the old pull loop from it
      consumer = starter.start(this, d);
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
      closeDispatcher();
      onClosed.run();
    }
  }

  /** Frees the dispatcher's thread (it returns to jnats' cached pool, which ends idle threads after 500 ms). */
  private void closeDispatcher() {
    Dispatcher d = dispatcher;
    dispatcher = null;
    if (d == null) {
      return;
    }
    try {
      connection.closeDispatcher(d);
    } catch (RuntimeException e) {
      // connection already closed (it closed its dispatchers itself) or dispatcher already gone
      LOG.debug("closing the dispatcher of consumer {} failed", consumerName, e);
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
