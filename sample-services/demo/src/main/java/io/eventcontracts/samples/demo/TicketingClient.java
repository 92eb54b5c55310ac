package io.eventcontracts.samples.demo;

import io.eventcontracts.samples.support.JwtVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four services' REST APIs as a user sees them, over real HTTP, signed in as one user (an HS256 token made with
 * the shared {@code JWT_KEY}, as the seed's auth service would issue it).
 */
public final class TicketingClient {

  /** An HTTP answer: status and JSON body. */
  public record Response(int status, JsonNode body) {

    /** The body, after checking the status. */
    public JsonNode expect(int expected) {
      if (status != expected) {
        throw new IllegalStateException("expected HTTP " + expected + " but got " + status + ": " + body);
      }
      return body;
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Map<String, Integer> ports;
  private final String token;

  /**
   * @param ports service name ({@code tickets}, {@code orders}, {@code expiration}, {@code payments}) to HTTP port
   * @param jwtKey the shared secret
   * @param userId the signed-in user, or null for anonymous calls
   */
  public TicketingClient(Map<String, Integer> ports, String jwtKey, String userId) {
    this.ports = Map.copyOf(ports);
    this.token = userId == null ? null : JwtVerifier.sign(jwtKey, userId, userId + "@example.com");
  }

  /** The same services, signed in as another user. */
  public TicketingClient as(String jwtKey, String userId) {
    return new TicketingClient(ports, jwtKey, userId);
  }

  public Response createTicket(String title, Object price) {
    return send("tickets", "POST", "/api/tickets", Map.of("title", title, "price", price));
  }

  public Response updateTicket(String id, String title, Object price) {
    return send("tickets", "PUT", "/api/tickets/" + id, Map.of("title", title, "price", price));
  }

  public Response ticket(String id) {
    return send("tickets", "GET", "/api/tickets/" + id, null);
  }

  public Response tickets() {
    return send("tickets", "GET", "/api/tickets", null);
  }

  public Response createOrder(String ticketId) {
    return send("orders", "POST", "/api/orders", Map.of("ticketId", ticketId));
  }

  public Response cancelOrder(String orderId) {
    return send("orders", "DELETE", "/api/orders/" + orderId, null);
  }

  public Response order(String orderId) {
    return send("orders", "GET", "/api/orders/" + orderId, null);
  }

  /** The orders service's replicated tickets (id, title, price, version). */
  public Response replicatedTickets() {
    return send("orders", "GET", "/api/orders/tickets", null);
  }

  public Response pay(String orderId, String cardToken) {
    return send("payments", "POST", "/api/payments", Map.of("orderId", orderId, "token", cardToken));
  }

  /** {@code /actuator/health} of a service. */
  public Response health(String service) {
    return send(service, "GET", "/actuator/health", null);
  }

  /** The replicated ticket with {@code id} in the orders service, or null. */
  public JsonNode replicatedTicket(String id) {
    for (JsonNode t : replicatedTickets().expect(200)) {
      if (id.equals(t.get("id").asString())) {
        return t;
      }
    }
    return null;
  }

  public Response send(String service, String method, String path, Object body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + ports.get(service) + path))
        .timeout(Duration.ofSeconds(10))
        .header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode json = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
      return new Response(response.statusCode(), json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(service + " " + method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
