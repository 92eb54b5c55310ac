package io.eventcontracts.transport.stan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.testing.stan.StanProtocolTestDouble;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.nats.streaming.protobuf.Ack;
import io.nats.streaming.protobuf.ConnectRequest;
import io.nats.streaming.protobuf.ConnectResponse;
import io.nats.streaming.protobuf.MsgProto;
import io.nats.streaming.protobuf.Ping;
import io.nats.streaming.protobuf.PingResponse;
import io.nats.streaming.protobuf.PubAck;
import io.nats.streaming.protobuf.PubMsg;
import io.nats.streaming.protobuf.StartPosition;
import io.nats.streaming.protobuf.SubscriptionRequest;
import io.nats.streaming.protobuf.SubscriptionResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test double's protocol, spoken by hand with raw protobuf over jnats: what a client of any language sees,
 * including details the java client hides (redeliveryCount, ping errors, server error strings).
 */
class StanProtocolTestDoubleWireTest {

  static final Duration T = Duration.ofSeconds(3);

  NatsServerRunner nats;
  StanProtocolTestDouble stan;
  Connection nc;

  @BeforeEach
  void start() throws Exception {
    nats = NatsServerRunner.start();
    stan = StanProtocolTestDouble.start(nats.url(), "ticketing");
    nc = Nats.connect(nats.url());
  }

  @AfterEach
  void stop() throws Exception {
    nc.close();
    stan.close();
    nats.close();
  }

  ConnectResponse connect(String clientId, String connId) throws Exception {
    Subscription hb = nc.subscribe("_INBOX.hb." + connId);
    nc.createDispatcher(m -> nc.publish(m.getReplyTo(), new byte[0])).subscribe(hb.getSubject());
    Message reply = nc.request("_STAN.discover.ticketing", ConnectRequest.newBuilder().setClientID(clientId)
        .setHeartbeatInbox(hb.getSubject()).setProtocol(1).setConnID(ByteString.copyFromUtf8(connId))
        .setPingInterval(5).setPingMaxOut(3).build().toByteArray(), T);
    return ConnectResponse.parseFrom(reply.getData());
  }

  @Test
  void connectAnnouncesProtocolSubjectsAndRefusesALiveDuplicate() throws Exception {
    ConnectResponse cr = connect("svc-a", "conn-1");

    assertThat(cr.getError()).isEmpty();
    assertThat(cr.getProtocol()).isEqualTo(1);
    assertThat(cr.getPingRequests()).isEqualTo("_STAN.discover.ticketing.pings");
    assertThat(cr.getPingInterval()).isEqualTo(5);
    assertThat(cr.getPingMaxOut()).isEqualTo(3);
    assertThat(cr.getPubPrefix()).startsWith("_STAN.pub.");
    assertThat(cr.getSubCloseRequests()).startsWith("_STAN.subclose.");
    assertThat(connect("svc-a", "conn-2").getError()).isEqualTo("stan: clientID already registered");

    PingResponse known = PingResponse.parseFrom(nc.request(cr.getPingRequests(), Ping.newBuilder()
        .setConnID(ByteString.copyFromUtf8("conn-1")).build().toByteArray(), T).getData());
    PingResponse unknown = PingResponse.parseFrom(nc.request(cr.getPingRequests(), Ping.newBuilder()
        .setConnID(ByteString.copyFromUtf8("conn-x")).build().toByteArray(), T).getData());
    assertThat(known.getError()).isEmpty();
    assertThat(unknown.getError()).isEqualTo("client has been replaced or is no longer registered");
  }

  @Test
  void redeliveriesCarryRedeliveredFlagAndRedeliveryCountField7() throws Exception {
    ConnectResponse cr = connect("svc-b", "conn-b");
    PubAck pubAck = PubAck.parseFrom(nc.request(cr.getPubPrefix() + ".ticket:created", PubMsg.newBuilder()
        .setClientID("svc-b").setGuid("g1").setSubject("ticket:created")
        .setData(ByteString.copyFromUtf8("{\"id\":\"1\"}")).build().toByteArray(), T).getData());
    assertThat(pubAck.getGuid()).isEqualTo("g1");
    assertThat(pubAck.getError()).isEmpty();

    Subscription inbox = nc.subscribe("_INBOX.sub.b");
    SubscriptionResponse sr = SubscriptionResponse.parseFrom(nc.request(cr.getSubRequests(),
        SubscriptionRequest.newBuilder().setClientID("svc-b").setSubject("ticket:created")
            .setInbox(inbox.getSubject()).setMaxInFlight(10).setAckWaitInSecs(1)
            .setStartPosition(StartPosition.First).build().toByteArray(), T).getData());
    assertThat(sr.getError()).isEmpty();

    MsgProto first = MsgProto.parseFrom(inbox.nextMessage(T).getData());
    MsgProto second = MsgProto.parseFrom(inbox.nextMessage(T).getData());
    MsgProto third = MsgProto.parseFrom(inbox.nextMessage(T).getData());
    nc.publish(sr.getAckInbox(), Ack.newBuilder().setSubject("ticket:created").setSequence(1).build().toByteArray());

    assertThat(first.getSequence()).isEqualTo(1);
    assertThat(first.getData().toStringUtf8()).isEqualTo("{\"id\":\"1\"}");
    assertThat(first.getRedelivered()).isFalse();
    assertThat(first.getUnknownFields().hasField(7)).isFalse();
    assertThat(second.getRedelivered()).isTrue();
    assertThat(second.getUnknownFields().getField(7).getVarintList()).containsExactly(1L);
    assertThat(third.getUnknownFields().getField(7).getVarintList()).containsExactly(2L);
    assertThat(inbox.nextMessage(Duration.ofMillis(1500))).as("acked: no further redelivery").isNull();
  }

  @Test
  void serverErrorStringsMatchTheRealServer() throws Exception {
    ConnectResponse cr = connect("svc-c", "conn-c");
    SubscriptionRequest.Builder base = SubscriptionRequest.newBuilder().setClientID("svc-c")
        .setSubject("ticket:created").setInbox("_INBOX.c").setMaxInFlight(1).setAckWaitInSecs(1);

    assertThat(subscribeError(cr, base.clone().setAckWaitInSecs(0))).isEqualTo(
        "stan: invalid ack wait time, should be >= 1s");
    assertThat(subscribeError(cr, base.clone().setQGroup("q").setDurableName("a:b"))).isEqualTo(
        "stan: durable name of a durable queue subscriber can't contain the character ':'");
    assertThat(subscribeError(cr, base.clone().setClientID("nobody"))).isEqualTo("stan: unknown clientID");
    assertThat(subscribeError(cr, base.clone().setSubject("ticket.*"))).isEqualTo("stan: invalid subject");
    assertThat(subscribeError(cr, base.clone().setDurableName("d"))).isEmpty();
    assertThat(subscribeError(cr, base.clone().setDurableName("d").setInbox("_INBOX.c2"))).isEqualTo(
        "stan: duplicate durable registration");
    PubAck unknownClient = PubAck.parseFrom(nc.request(cr.getPubPrefix() + ".x", PubMsg.newBuilder()
        .setClientID("nobody").setGuid("g").setSubject("x").build().toByteArray(), T).getData());
    assertThat(unknownClient.getError()).isEqualTo("stan: invalid publish request");
  }

  String subscribeError(ConnectResponse cr, SubscriptionRequest.Builder req) throws Exception {
    return SubscriptionResponse.parseFrom(nc.request(cr.getSubRequests(), req.build().toByteArray(), T).getData())
        .getError();
  }
}
