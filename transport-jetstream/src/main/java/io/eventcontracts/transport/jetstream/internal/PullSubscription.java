package io.eventcontracts.transport.jetstream.internal;

import io.eventcontracts.runtime.spi.InboundHandler;
import io.eventcontracts.runtime.spi.TransportSubscription;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.StreamContext;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
  /**
   * Deliveries received and not yet handed to the handler. jnats' dispatcher thread only appends here; up to
   * {@link #concurrency} workers (threads of the transport's shared pool, see {@link #workers}) take them in order.
   * Parsing, validation and the handler thus run off the dispatcher thread, which keeps reading and queueing
   * (as raw jnats overlaps its own work with the handler's), and a listener can use more than one core.
   */
  private final LinkedBlockingQueue<JetStreamInboundMessage> queue = new LinkedBlockingQueue<>();
  /** A worker without work waits this long for the next delivery before it gives its thread back to the pool. */
  private static final long WORKER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** Workers handling a delivery right now (close() waits for these, not for idle ones). */
  private final AtomicInteger busy = new AtomicInteger();
  /**
   * Set on a worker thread while it runs the handler: a handler that closes its own subscription must not wait for
   * itself.
   */
  private final ThreadLocal<Boolean> inHandler = new ThreadLocal<>();
  private final Executor workers;
  private final int concurrency;
  private final long ackWaitNanos;
  /** Workers running, busy or idle (0..concurrency). */
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicBoolean closing = new AtomicBoolean();
  /** Deliveries to nak after the pull request is gone (a nak before would send them straight back to it). */
  private final ConcurrentLinkedQueue<Message> handBack = new ConcurrentLinkedQueue<>();
  private volatile MessageConsumer consumer;
  /**
   * This subscription's own jnats dispatcher (one thread). Created here rather than left to {@code consume()}:
   * jnats' implicit per-consume dispatcher is never closed when the {@link MessageConsumer} closes (it only
   * unsubscribes from it), so every listen()+close() cycle used to leave a dispatcher thread behind until the
   * connection closed. We own it, reuse it across restarts, and close it in {@link #stop()}.
   */
  private volatile Dispatcher dispatcher;

  PullSubscription(Connection connection, StreamContext stream, String consumerName, String subject,
      boolean deleteOnClose, InboundHandler handler, Duration drainTimeout, Runnable onClosed, Executor workers,
      int concurrency, Duration ackWait) {
    this.connection = connection;
    this.stream = stream;
    this.consumerName = consumerName;
    this.subject = subject;
    this.deleteOnClose = deleteOnClose;
    this.handler = handler;
    this.drainTimeout = drainTimeout;
    this.onClosed = onClosed;
    this.workers = workers;
    this.concurrency = concurrency;
    this.ackWaitNanos = ackWait.toNanos();
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

  /** Called on the consumer's dispatcher thread, one message at a time: queue it for the workers. */
  void onMessage(Message message) {
    if (!message.isJetStream()) {
      return;
    }
    if (closing.get()) {
      // pulled before close(): handed back (nak) once this subscription's pull request is gone, see stop()
      handBack.add(message);
      return;
    }
    queue.add(new JetStreamInboundMessage(message, System.nanoTime()));
    startWorkerIfNeeded();
  }

  private void startWorkerIfNeeded() {
    while (true) {
      int n = running.get();
      if (n >= concurrency || queue.isEmpty()) {
        return;
      }
      if (running.compareAndSet(n, n + 1)) {
        try {
          workers.execute(this::work);
        } catch (RejectedExecutionException e) {
          running.decrementAndGet(); // transport closing: close() naks what is queued
        }
        return;
      }
    }
  }

  /**
   * A worker: hands queued deliveries to the handler, in order; after {@link #WORKER_IDLE_NANOS} without one it
   * returns its thread to the pool (so an idle listener holds no handler thread, and a busy one does not pay a
   * thread hand-off per message).
   */
  private void work() {
    try {
      while (true) {
        JetStreamInboundMessage next = queue.poll();
        if (next == null) {
          if (closing.get()) {
            return;
          }
          next = queue.poll(WORKER_IDLE_NANOS, TimeUnit.NANOSECONDS);
          if (next == null) {
            return;
          }
        }
        busy.incrementAndGet();
        try {
          if (closing.get()) {
            handBack.add(next.message());
          } else {
            inHandler.set(Boolean.TRUE);
            try {
              handler.onMessage(next);
            } finally {
              inHandler.remove();
            }
          }
        } catch (RuntimeException | Error e) {
          // not acked: the server redelivers after the ack wait, as NATS Streaming did
          LOG.warn("handler for {} (consumer {}) failed; the message will be redelivered after the ack wait",
              subject, consumerName, e);
        } finally {
          if (busy.decrementAndGet() == 0 || closing.get()) {
            synchronized (busy) {
              busy.notifyAll();
            }
          }
        }
      }
    } catch (InterruptedException e) {
      // the transport is closing its handler pool
    } finally {
      running.decrementAndGet();
    }
    startWorkerIfNeeded(); // a message queued between the last poll and the decrement
  }

  /**
   * Keeps prefetched deliveries alive: every delivery that has waited in {@link #queue} for a third of the ack
   * wait gets JetStream's in-progress signal, which restarts its ack wait. So a message prefetched behind a slow
   * handler is not redelivered (to this or another member) while it waits here, and the handler gets it once.
   * Called periodically by the transport.
   */
  void keepQueuedAlive() {
    if (queue.isEmpty() || closing.get()) {
      return;
    }
    long now = System.nanoTime();
    for (JetStreamInboundMessage m : queue) {
      if (now - m.ackWaitStartedNanos() >= ackWaitNanos / 3) {
        try {
          m.message().inProgress();
          m.ackWaitRestarted(now);
        } catch (RuntimeException e) {
          return; // not connected: nothing to keep alive
        }
      }
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

  /**
   * Stops pulling, hands every prefetched delivery back to the server at once (nak: another member of the queue
   * group gets it now, not after the ack wait), waits (bounded by the drain timeout) for the deliveries being
   * handled, and unsubscribes; the server-side consumer stays.
   */
  void stop() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    long deadline = System.nanoTime() + drainTimeout.toNanos();
    MessageConsumer c = consumer;
    try {
      if (c != null) {
        c.stop();
      }
      waitForWorkers(deadline);
      waitForDispatcher(Math.min(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200)));
      if (c != null) {
        c.close(); // unsubscribes this pull request's inbox
      }
      // the server has dropped the pull request once it processed the UNSUB; only then are naks handed to the
      // other members (before, nats-server sends a nak'd message straight back to the still-open request)
      flush(deadline);
      JetStreamInboundMessage queued;
      while ((queued = queue.poll()) != null) {
        handBack.add(queued.message());
      }
      Message m;
      while ((m = handBack.poll()) != null) {
        nakQuietly(m);
      }
      flush(deadline);
    } catch (Exception e) {
      LOG.debug("closing consumer {} failed", consumerName, e);
    } finally {
      closeDispatcher();
      onClosed.run();
    }
  }

  private void flush(long deadline) {
    try {
      if (connection.getStatus() == Connection.Status.CONNECTED) {
        connection.flush(Duration.ofMillis(Math.max(100, (deadline - System.nanoTime()) / 1_000_000)));
      }
    } catch (Exception e) {
      LOG.debug("flush while closing consumer {} failed", consumerName, e);
    }
  }

  private void waitForWorkers(long deadline) throws InterruptedException {
    int self = Boolean.TRUE.equals(inHandler.get()) ? 1 : 0; // close() called from this subscription's handler
    synchronized (busy) {
      while (busy.get() > self) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          LOG.warn("handler for {} still busy after {}; closing anyway (the message will be redelivered)",
              subject, drainTimeout);
          return;
        }
        busy.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Lets the dispatcher pass on (and so nak) what jnats had already read for this subscription. */
  private void waitForDispatcher(long deadline) throws InterruptedException {
    Dispatcher d = dispatcher;
    while (d != null && d.getPendingMessageCount() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(2);
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
