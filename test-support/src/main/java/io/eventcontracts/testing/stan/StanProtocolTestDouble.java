package io.eventcontracts.testing.stan;

import com.google.protobuf.InvalidProtocolBufferException;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.NUID;
import io.nats.client.Nats;
import io.nats.streaming.protobuf.Ack;
import io.nats.streaming.protobuf.CloseRequest;
import io.nats.streaming.protobuf.CloseResponse;
import io.nats.streaming.protobuf.ConnectRequest;
import io.nats.streaming.protobuf.ConnectResponse;
import io.nats.streaming.protobuf.MsgProto;
import io.nats.streaming.protobuf.Ping;
import io.nats.streaming.protobuf.PingResponse;
import io.nats.streaming.protobuf.PubAck;
import io.nats.streaming.protobuf.PubMsg;
import io.nats.streaming.protobuf.SubscriptionRequest;
import io.nats.streaming.protobuf.SubscriptionResponse;
import io.nats.streaming.protobuf.UnsubscribeRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * <b>TEST DOUBLE — never a server to deploy.</b> A small, in-memory implementation of the server side of the NATS
 * Streaming (STAN) protocol, running as an ordinary client of a real {@code nats-server} (start one with
 * {@code NatsServerRunner}). It exists because no {@code nats-streaming-server} binary is available from Debian,
 * npm or Maven Central here; the same contract tests also run against a real server (see {@link RealStanServer}).
 *
 * <p>It speaks the protocol of {@code io.nats.streaming.protobuf} (the protobuf messages shipped in
 * java-nats-streaming) on the subjects a real server announces:
 * <ul>
 *   <li>discovery {@code _STAN.discover.<clusterId>}: ConnectRequest → ConnectResponse (protocol 1, with ping
 *       subject {@code _STAN.discover.<clusterId>.pings}, the client's ping interval and max-out echoed back);
 *       a duplicate client id is refused with {@code stan: clientID already registered} when the known client
 *       still answers a heartbeat on its heartbeat inbox within 500 ms, else the old client is replaced (as the
 *       real server does);</li>
 *   <li>{@code _STAN.pub.<id>.<channel>}: PubMsg → PubAck (only for registered client ids);</li>
 *   <li>{@code _STAN.sub.<id>}, {@code _STAN.unsub.<id>}, {@code _STAN.subclose.<id>}: SubscriptionRequest /
 *       UnsubscribeRequest → SubscriptionResponse with a per-subscription ack inbox {@code _STAN.ack.<id>.<nuid>};
 *       </li>
 *   <li>{@code _STAN.close.<id>}: CloseRequest → CloseResponse; the client is forgotten at once;</li>
 *   <li>pings: Ping → PingResponse (error {@code client has been replaced or is no longer registered} for an
 *       unknown connection id).</li>
 * </ul>
 * Semantics: channels in memory with sequences from 1 and nanosecond timestamps; start positions NewOnly,
 * LastReceived, TimeDeltaStart, SequenceStart, First; plain durables keyed by client id + durable name (kept on
 * close, deleted on unsubscribe); queue groups (each message to one member, least outstanding first); durable
 * queue groups keyed by {@code durableName:queueGroup}, which survive all members leaving by close but not by
 * unsubscribe; manual acks with ack-wait redelivery ({@code redelivered=true} and {@code redeliveryCount}, field 7
 * of newer servers' MsgProto, sent as a protobuf field the 2.2.3 client skips); maxInFlight; unacked messages of a
 * leaving queue member go to the remaining members.
 *
 * <p>Not implemented: clustering/fault tolerance, persistence (everything is lost on {@link #close()}), channel
 * and subscription limits (max msgs/bytes/age/channels), server-initiated client heartbeats (a client that
 * vanishes without a CloseRequest stays registered until a new connect with its id finds it dead), monitoring
 * endpoints, partitioning, redelivery of queue messages to a member other than the one that timed out.
 *
 * <p>All state is confined to one thread; NATS callbacks are handed to it.
 */
public final class StanProtocolTestDouble implements AutoCloseable {

  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Duration DUPLICATE_CHECK_TIMEOUT = Duration.ofMillis(500);
  private static final int REDELIVERY_COUNT_FIELD = 7;

  private final String clusterId;
  private final String natsUrl;
  private final Connection nc;
  private final Dispatcher dispatcher;
  private final ScheduledExecutorService loop;

  private final String discoverSubject;
  private final String pingSubject;
  private final String pubPrefix;
  private final String subSubject;
  private final String unsubSubject;
  private final String subCloseSubject;
  private final String closeSubject;
  private final String ackPrefix;

  private final Map<String, ClientState> clients = new LinkedHashMap<>();
  private final Map<String, ChannelState> channels = new HashMap<>();
  private final Map<String, SubState> byAckInbox = new HashMap<>();
  private long nextSubId = 1;

  private StanProtocolTestDouble(String natsUrl, io.nats.client.Options natsOptions, String clusterId)
      throws IOException, InterruptedException, TimeoutException {
    this.natsUrl = natsUrl;
    this.clusterId = clusterId;
    String id = NUID.nextGlobal();
    this.discoverSubject = "_STAN.discover." + clusterId;
    this.pingSubject = discoverSubject + ".pings";
    this.pubPrefix = "_STAN.pub." + id;
    this.subSubject = "_STAN.sub." + id;
    this.unsubSubject = "_STAN.unsub." + id;
    this.subCloseSubject = "_STAN.subclose." + id;
    this.closeSubject = "_STAN.close." + id;
    this.ackPrefix = "_STAN.ack." + id;
    this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "stan-test-double-" + clusterId);
      t.setDaemon(true);
      return t;
    });
    this.nc = Nats.connect(natsOptions);
    this.dispatcher = nc.createDispatcher(m -> loop.execute(() -> handle(m)));
    dispatcher.setPendingLimits(-1, -1);
    for (String subject : List.of(discoverSubject, pingSubject, pubPrefix + ".>", subSubject, unsubSubject,
        subCloseSubject, closeSubject, ackPrefix + ".>")) {
      dispatcher.subscribe(subject);
    }
    nc.flush(Duration.ofSeconds(5));
    loop.scheduleWithFixedDelay(this::redeliverExpired, 50, 50, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts answering as cluster {@code clusterId} on the NATS server at {@code natsUrl}.
   *
   * @throws IllegalStateException when the NATS server cannot be reached
   */
  public static StanProtocolTestDouble start(String natsUrl, String clusterId) {
    return start(natsUrl, new io.nats.client.Options.Builder().server(natsUrl)
        .connectionName("stan-test-double").maxReconnects(-1).build(), clusterId);
  }

  /**
   * Starts answering as cluster {@code clusterId}, connected to NATS with exactly these jnats options (servers,
   * TLS, credentials), e.g. to run over a TLS-only nats-server. {@link #natsUrl()} is then the first server.
   *
   * @throws IllegalStateException when the NATS server cannot be reached
   */
  public static StanProtocolTestDouble start(io.nats.client.Options natsOptions, String clusterId) {
    return start(natsOptions.getServers().isEmpty() ? "" : natsOptions.getServers().get(0).toString(), natsOptions,
        clusterId);
  }

  private static StanProtocolTestDouble start(String natsUrl, io.nats.client.Options natsOptions, String clusterId) {
    try {
      return new StanProtocolTestDouble(natsUrl, natsOptions, clusterId);
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException("STAN test double cannot connect to " + natsUrl + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public String clusterId() {
    return clusterId;
  }

  public String natsUrl() {
    return natsUrl;
  }

  /** True while {@code clientId} is registered (connected and not closed). */
  public boolean knowsClient(String clientId) {
    return onLoop(() -> clients.containsKey(clientId));
  }

  /** The registered client ids. */
  public Set<String> clientIds() {
    return onLoop(() -> Set.copyOf(clients.keySet()));
  }

  /** The last sequence stored in {@code channel}, 0 when empty or unknown. */
  public long lastSequence(String channel) {
    return onLoop(() -> channels.containsKey(channel) ? channels.get(channel).last() : 0L);
  }

  /** Stops answering and forgets everything (as a crashed server without persistence). Idempotent. */
  @Override
  public void close() {
    if (loop.isShutdown()) {
      return;
    }
    loop.shutdownNow();
    try {
      nc.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private <T> T onLoop(Callable<T> action) {
    try {
      return loop.submit(action).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("STAN test double loop is stuck", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- dispatch

  private void handle(Message m) {
    String subject = m.getSubject();
    try {
      if (subject.startsWith(ackPrefix + ".")) {
        handleAck(m);
      } else if (subject.startsWith(pubPrefix + ".")) {
        handlePublish(m);
      } else if (subject.equals(pingSubject)) {
        handlePing(m);
      } else if (subject.equals(discoverSubject)) {
        handleConnect(m);
      } else if (subject.equals(subSubject)) {
        handleSubscribe(m);
      } else if (subject.equals(unsubSubject)) {
        handleUnsubscribe(m, false);
      } else if (subject.equals(subCloseSubject)) {
        handleUnsubscribe(m, true);
      } else if (subject.equals(closeSubject)) {
        handleClose(m);
      }
    } catch (InvalidProtocolBufferException e) {
      // A real server logs and answers with an error where the protocol has one; the client times out otherwise.
      System.err.println("STAN test double: malformed protocol message on " + subject + ": " + e.getMessage());
    } catch (RuntimeException e) {
      System.err.println("STAN test double: error handling " + subject + ": " + e);
    }
  }

  private void reply(Message m, byte[] data) {
    if (m.getReplyTo() != null && !m.getReplyTo().isEmpty()) {
      nc.publish(m.getReplyTo(), data);
    }
  }

  // ---------------------------------------------------------------- connect / close / ping

  private void handleConnect(Message m) throws InvalidProtocolBufferException {
    ConnectRequest req = ConnectRequest.parseFrom(m.getData());
    if (req.getClientID().isEmpty() || req.getHeartbeatInbox().isEmpty()) {
      reply(m, ConnectResponse.newBuilder().setError("stan: invalid connection request").build().toByteArray());
      return;
    }
    if (!CLIENT_ID.matcher(req.getClientID()).matches()) {
      reply(m, ConnectResponse.newBuilder()
          .setError("stan: clientID can only contain alphanumeric and `-` or `_` characters").build().toByteArray());
      return;
    }
    ClientState existing = clients.get(req.getClientID());
    if (existing == null) {
      register(req, m);
      return;
    }
    // As the real server: the id is taken only if the known client still answers a heartbeat.
    nc.request(existing.hbInbox, new byte[0])
        .orTimeout(DUPLICATE_CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((answer, error) -> loop.execute(() -> {
          boolean alive = error == null && answer != null && !answer.isStatusMessage();
          if (alive && clients.get(req.getClientID()) == existing) {
            reply(m, ConnectResponse.newBuilder().setError("stan: clientID already registered").build()
                .toByteArray());
            return;
          }
          ClientState current = clients.get(req.getClientID());
          if (current != null) {
            closeClient(current);
          }
          register(req, m);
        }));
  }

  private void register(ConnectRequest req, Message m) {
    clients.put(req.getClientID(), new ClientState(req.getClientID(), req.getHeartbeatInbox(),
        req.getConnID().toStringUtf8()));
    ConnectResponse.Builder cr = ConnectResponse.newBuilder()
        .setPubPrefix(pubPrefix)
        .setSubRequests(subSubject)
        .setUnsubRequests(unsubSubject)
        .setSubCloseRequests(subCloseSubject)
        .setCloseRequests(closeSubject)
        .setProtocol(1);
    if (req.getProtocol() >= 1) {
      cr.setPingRequests(pingSubject).setPingInterval(req.getPingInterval()).setPingMaxOut(req.getPingMaxOut());
    }
    reply(m, cr.build().toByteArray());
  }

  private void handleClose(Message m) throws InvalidProtocolBufferException {
    CloseRequest req = CloseRequest.parseFrom(m.getData());
    ClientState client = clients.get(req.getClientID());
    if (client == null) {
      reply(m, CloseResponse.newBuilder().setError("stan: unknown clientID").build().toByteArray());
      return;
    }
    closeClient(client);
    reply(m, CloseResponse.getDefaultInstance().toByteArray());
  }

  /** Removes the client: non-durable subscriptions go, durable ones stay (offline). */
  private void closeClient(ClientState client) {
    for (SubState sub : List.copyOf(client.subs)) {
      removeSub(client, sub, true);
    }
    clients.remove(client.id);
  }

  private void handlePing(Message m) throws InvalidProtocolBufferException {
    if (m.getData() == null || m.getData().length == 0) {
      return;
    }
    String connId = Ping.parseFrom(m.getData()).getConnID().toStringUtf8();
    boolean known = clients.values().stream().anyMatch(c -> c.connId.equals(connId));
    PingResponse resp = known ? PingResponse.getDefaultInstance()
        : PingResponse.newBuilder().setError("client has been replaced or is no longer registered").build();
    reply(m, resp.toByteArray());
  }

  // ---------------------------------------------------------------- publish

  private void handlePublish(Message m) throws InvalidProtocolBufferException {
    PubMsg pm = PubMsg.parseFrom(m.getData());
    if (pm.getGuid().isEmpty() || !validChannel(pm.getSubject()) || !clients.containsKey(pm.getClientID())) {
      reply(m, PubAck.newBuilder().setGuid(pm.getGuid()).setError("stan: invalid publish request").build()
          .toByteArray());
      return;
    }
    ChannelState c = channel(pm.getSubject());
    Instant now = Instant.now();
    c.msgs.add(MsgProto.newBuilder()
        .setSequence(c.last() + 1)
        .setSubject(pm.getSubject())
        .setReply(pm.getReply())
        .setData(pm.getData())
        .setTimestamp(now.getEpochSecond() * 1_000_000_000L + now.getNano())
        .build());
    reply(m, PubAck.newBuilder().setGuid(pm.getGuid()).build().toByteArray());
    deliver(c);
  }

  private static boolean validChannel(String subject) {
    if (subject.isEmpty() || subject.contains("*") || subject.contains(">")) {
      return false;
    }
    for (String token : subject.split("\\.", -1)) {
      if (token.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private ChannelState channel(String name) {
    return channels.computeIfAbsent(name, ChannelState::new);
  }

  // ---------------------------------------------------------------- subscribe / unsubscribe / close

  private void handleSubscribe(Message m) throws InvalidProtocolBufferException {
    SubscriptionRequest sr = SubscriptionRequest.parseFrom(m.getData());
    ClientState client = clients.get(sr.getClientID());
    String error = null;
    if (client == null) {
      error = "stan: unknown clientID";
    } else if (!validChannel(sr.getSubject())) {
      error = "stan: invalid subject";
    } else if (sr.getInbox().isEmpty()) {
      error = "stan: invalid subscription request";
    } else if (sr.getAckWaitInSecs() <= 0) {
      error = "stan: invalid ack wait time, should be >= 1s";
    } else if (sr.getMaxInFlight() <= 0) {
      error = "stan: invalid maxInflight value";
    } else if (!sr.getQGroup().isEmpty() && sr.getDurableName().contains(":")) {
      error = "stan: durable name of a durable queue subscriber can't contain the character ':'";
    }
    if (error != null) {
      reply(m, SubscriptionResponse.newBuilder().setError(error).build().toByteArray());
      return;
    }
    ChannelState c = channel(sr.getSubject());
    SubState sub = new SubState(nextSubId++, client.id, c, sr.getInbox(), ackPrefix + "." + NUID.nextGlobal(),
        sr.getDurableName(), sr.getMaxInFlight(), TimeUnit.SECONDS.toNanos(sr.getAckWaitInSecs()));
    List<Long> toRedeliver = new ArrayList<>();
    try {
      if (!sr.getQGroup().isEmpty()) {
        String key = sr.getDurableName().isEmpty() ? sr.getQGroup() : sr.getDurableName() + ":" + sr.getQGroup();
        QueueState qs = c.queues.get(key);
        if (qs == null) {
          qs = new QueueState(key, !sr.getDurableName().isEmpty());
          qs.lastSent = startPosition(c, sr);
          c.queues.put(key, qs);
        }
        // A durable group that lost all its members hands their unacked messages to the first new member.
        for (Map.Entry<Long, Integer> e : qs.orphaned.entrySet()) {
          sub.redeliveries.put(e.getKey(), e.getValue());
          toRedeliver.add(e.getKey());
        }
        qs.orphaned.clear();
        qs.members.add(sub);
        sub.queue = qs;
      } else if (!sr.getDurableName().isEmpty()) {
        String key = durableKey(client.id, sr.getDurableName());
        SubState old = c.durables.get(key);
        if (old != null && old.online) {
          reply(m, SubscriptionResponse.newBuilder().setError("stan: duplicate durable registration").build()
              .toByteArray());
          return;
        }
        if (old != null) {
          // Resume: the start position is ignored, unacked messages are redelivered.
          sub.lastSent = old.lastSent;
          sub.redeliveries.putAll(old.redeliveries);
          toRedeliver.addAll(old.pending.keySet());
        } else {
          sub.lastSent = startPosition(c, sr);
        }
        c.durables.put(key, sub);
        c.plain.add(sub);
      } else {
        sub.lastSent = startPosition(c, sr);
        c.plain.add(sub);
      }
    } catch (IllegalArgumentException e) {
      reply(m, SubscriptionResponse.newBuilder().setError(e.getMessage()).build().toByteArray());
      return;
    }
    client.subs.add(sub);
    byAckInbox.put(sub.ackInbox, sub);
    // Respond first, then deliver: the client learns its ack inbox before the first message arrives.
    reply(m, SubscriptionResponse.newBuilder().setAckInbox(sub.ackInbox).build().toByteArray());
    for (long seq : toRedeliver) {
      send(sub, seq, true);
    }
    deliver(c);
  }

  private static String durableKey(String clientId, String durableName) {
    return clientId + "\u0000" + durableName;
  }

  /** The {@code lastSent} a new subscription starts from. */
  private static long startPosition(ChannelState c, SubscriptionRequest sr) {
    switch (sr.getStartPosition()) {
      case First:
        return 0;
      case LastReceived:
        return Math.max(0, c.last() - 1);
      case SequenceStart: {
        long seq = sr.getStartSequence();
        if (seq > c.last() + 1) {
          throw new IllegalArgumentException("stan: invalid start sequence");
        }
        return Math.max(0, seq - 1);
      }
      case TimeDeltaStart: {
        if (sr.getStartTimeDelta() < 0) {
          throw new IllegalArgumentException("stan: invalid start time");
        }
        Instant now = Instant.now();
        long start = now.getEpochSecond() * 1_000_000_000L + now.getNano() - sr.getStartTimeDelta();
        for (MsgProto msg : c.msgs) {
          if (msg.getTimestamp() >= start) {
            return msg.getSequence() - 1;
          }
        }
        return c.last();
      }
      case NewOnly:
      default:
        return c.last();
    }
  }

  private void handleUnsubscribe(Message m, boolean closeOnly) throws InvalidProtocolBufferException {
    UnsubscribeRequest req = UnsubscribeRequest.parseFrom(m.getData());
    ClientState client = clients.get(req.getClientID());
    if (client == null) {
      reply(m, SubscriptionResponse.newBuilder().setError("stan: unknown clientID").build().toByteArray());
      return;
    }
    // The "inbox" of an UnsubscribeRequest is the subscription's ack inbox (as stan.go and the server use it).
    SubState sub = client.subs.stream()
        .filter(s -> s.ackInbox.equals(req.getInbox()) && s.channel.name.equals(req.getSubject()))
        .findFirst().orElse(null);
    if (sub == null) {
      reply(m, SubscriptionResponse.newBuilder().setError("stan: invalid subscription").build().toByteArray());
      return;
    }
    removeSub(client, sub, closeOnly);
    reply(m, SubscriptionResponse.getDefaultInstance().toByteArray());
  }

  /**
   * Removes a live subscription. {@code keepDurable}: close semantics (durable state stays); else unsubscribe
   * semantics (durable state is deleted).
   */
  private void removeSub(ClientState client, SubState sub, boolean keepDurable) {
    client.subs.remove(sub);
    byAckInbox.remove(sub.ackInbox);
    sub.online = false;
    ChannelState c = sub.channel;
    if (sub.queue != null) {
      QueueState qs = sub.queue;
      qs.members.remove(sub);
      if (qs.members.isEmpty()) {
        if (qs.durable && keepDurable) {
          for (Long seq : sub.pending.keySet()) {
            qs.orphaned.put(seq, sub.redeliveries.getOrDefault(seq, 0));
          }
        } else {
          c.queues.remove(qs.key);
        }
      } else {
        // The remaining members get the leaver's unacked messages now, flagged as redelivered.
        for (Long seq : sub.pending.keySet()) {
          SubState heir = pickMember(qs, true);
          heir.redeliveries.put(seq, sub.redeliveries.getOrDefault(seq, 0));
          send(heir, seq, true);
        }
      }
    } else {
      c.plain.remove(sub);
      if (!sub.durableName.isEmpty() && !keepDurable) {
        c.durables.remove(durableKey(sub.clientId, sub.durableName));
      }
    }
    deliver(c);
  }

  // ---------------------------------------------------------------- delivery

  private void deliver(ChannelState c) {
    for (SubState sub : c.plain) {
      while (sub.lastSent < c.last() && sub.pending.size() < sub.maxInFlight) {
        send(sub, ++sub.lastSent, false);
      }
    }
    for (QueueState qs : c.queues.values()) {
      while (!qs.members.isEmpty() && qs.lastSent < c.last()) {
        SubState member = pickMember(qs, false);
        if (member == null) {
          break;
        }
        send(member, ++qs.lastSent, false);
      }
    }
  }

  /** The member with the fewest unacked messages; ties rotate. Null when all are at maxInFlight (unless forced). */
  private static SubState pickMember(QueueState qs, boolean force) {
    SubState best = null;
    int n = qs.members.size();
    for (int i = 0; i < n; i++) {
      SubState s = qs.members.get((qs.rotation + i) % n);
      if ((force || s.pending.size() < s.maxInFlight) && (best == null || s.pending.size() < best.pending.size())) {
        best = s;
      }
    }
    qs.rotation = (qs.rotation + 1) % Math.max(1, n);
    return best;
  }

  private void send(SubState sub, long seq, boolean redelivered) {
    MsgProto stored = sub.channel.msgs.get((int) (seq - 1));
    byte[] data;
    if (redelivered) {
      int count = sub.redeliveries.merge(seq, 1, Integer::sum);
      data = withRedeliveryCount(stored.toBuilder().setRedelivered(true).build().toByteArray(), count);
    } else {
      data = stored.toByteArray();
    }
    sub.pending.put(seq, System.nanoTime() + sub.ackWaitNanos);
    nc.publish(sub.inbox, data);
  }

  /**
   * Appends {@code redeliveryCount} (field 7, which the 2.2.3 {@code protocol.proto} lacks) to a serialized
   * MsgProto: concatenated protobuf encodings merge. Written on the wire rather than through the generated
   * builder's unknown-field API, so the double works with the client's own generated classes and with the ones
   * transport-stan regenerates (whose builders have no covariant {@code setUnknownFields}).
   */
  private static byte[] withRedeliveryCount(byte[] message, int count) {
    try {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(message.length + 6);
      out.write(message);
      com.google.protobuf.CodedOutputStream field = com.google.protobuf.CodedOutputStream.newInstance(out);
      field.writeUInt32(REDELIVERY_COUNT_FIELD, count);
      field.flush();
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void handleAck(Message m) throws InvalidProtocolBufferException {
    SubState sub = byAckInbox.get(m.getSubject());
    if (sub == null) {
      return;
    }
    Ack ack = Ack.parseFrom(m.getData());
    if (sub.pending.remove(ack.getSequence()) != null) {
      sub.redeliveries.remove(ack.getSequence());
      deliver(sub.channel);
    }
  }

  private void redeliverExpired() {
    long now = System.nanoTime();
    for (ChannelState c : channels.values()) {
      List<SubState> live = new ArrayList<>(c.plain);
      c.queues.values().forEach(q -> live.addAll(q.members));
      for (SubState sub : live) {
        for (Long seq : new TreeSet<>(sub.pending.keySet())) {
          Long expires = sub.pending.get(seq);
          if (expires != null && expires - now <= 0) {
            send(sub, seq, true);
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- state

  private static final class ClientState {
    final String id;
    final String hbInbox;
    final String connId;
    final List<SubState> subs = new ArrayList<>();

    ClientState(String id, String hbInbox, String connId) {
      this.id = id;
      this.hbInbox = hbInbox;
      this.connId = connId;
    }
  }

  private static final class ChannelState {
    final String name;
    final List<MsgProto> msgs = new ArrayList<>();
    final List<SubState> plain = new ArrayList<>();
    final Map<String, SubState> durables = new HashMap<>();
    final Map<String, QueueState> queues = new LinkedHashMap<>();

    ChannelState(String name) {
      this.name = name;
    }

    long last() {
      return msgs.size();
    }
  }

  private static final class QueueState {
    final String key;
    final boolean durable;
    final List<SubState> members = new ArrayList<>();
    final TreeMap<Long, Integer> orphaned = new TreeMap<>();
    long lastSent;
    int rotation;

    QueueState(String key, boolean durable) {
      this.key = key;
      this.durable = durable;
    }
  }

  private static final class SubState {
    final long id;
    final String clientId;
    final ChannelState channel;
    final String inbox;
    final String ackInbox;
    final String durableName;
    final int maxInFlight;
    final long ackWaitNanos;
    final TreeMap<Long, Long> pending = new TreeMap<>();
    final Map<Long, Integer> redeliveries = new HashMap<>();
    QueueState queue;
    long lastSent;
    boolean online = true;

    SubState(long id, String clientId, ChannelState channel, String inbox, String ackInbox, String durableName,
        int maxInFlight, long ackWaitNanos) {
      this.id = id;
      this.clientId = clientId;
      this.channel = channel;
      this.inbox = inbox;
      this.ackInbox = ackInbox;
      this.durableName = durableName;
      this.maxInFlight = maxInFlight;
      this.ackWaitNanos = ackWaitNanos;
    }

    @Override
    public String toString() {
      return "sub#" + id + "(" + clientId + " on " + channel.name + ")";
    }
  }
}
