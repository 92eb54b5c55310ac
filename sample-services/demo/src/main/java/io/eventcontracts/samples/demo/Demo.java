package io.eventcontracts.samples.demo;

import io.eventcontracts.samples.expiration.ExpirationApplication;
import io.eventcontracts.samples.orders.OrdersApplication;
import io.eventcontracts.samples.payments.PaymentsApplication;
import io.eventcontracts.samples.support.EventLog;
import io.eventcontracts.samples.tickets.TicketsApplication;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The main job: starts nats-server and the four services as separate processes on free ports with embedded
 * databases in a fresh work directory, runs {@link TicketingScenario}, prints every event the services log as it
 * flows, checks the final state, stops everything, and exits 0 (1 on any failure, naming the logs to read).
 *
 * <p>Usage: {@code java -cp <class path> io.eventcontracts.samples.demo.Demo [workDir]}.
 */
public final class Demo {

  static final Duration EXPIRATION_WINDOW = Duration.ofSeconds(6);

  private final Path workDir;
  private final String jwtKey = "demo-" + UUID.randomUUID() + UUID.randomUUID();
  private final List<Process> processes = new ArrayList<>();
  private final long startNanos = System.nanoTime();

  Demo(Path workDir) {
    this.workDir = workDir;
  }

  public static void main(String[] args) throws Exception {
    Path workDir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("eventcontracts-demo-");
    Files.createDirectories(workDir.resolve("logs"));
    Demo demo = new Demo(workDir);
    Runtime.getRuntime().addShutdownHook(new Thread(demo::stopAll));
    int status;
    try {
      demo.run();
      status = 0;
    } catch (Exception e) {
      System.out.println();
      System.out.println("demo: FAILED: " + e.getMessage());
      System.out.println("demo: service and server logs are in " + workDir.resolve("logs"));
      status = 1;
    } finally {
      demo.stopAll();
    }
    System.exit(status);
  }

  void run() throws Exception {
    int natsPort = freePort();
    say("starting nats-server -js on 127.0.0.1:" + natsPort);
    start("nats-server", List.of(natsBinary(), "-a", "127.0.0.1", "-p", Integer.toString(natsPort), "-js", "-sd",
        workDir.resolve("nats").toString()), false);
    awaitPort(natsPort, Duration.ofSeconds(15), "nats-server");

    Map<String, Class<?>> services = new LinkedHashMap<>();
    services.put(TicketsApplication.NAME, TicketsApplication.class);
    services.put(OrdersApplication.NAME, OrdersApplication.class);
    services.put(ExpirationApplication.NAME, ExpirationApplication.class);
    services.put(PaymentsApplication.NAME, PaymentsApplication.class);
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (String name : services.keySet()) {
      ports.put(name, freePort());
    }
    say("starting " + String.join(", ", services.keySet()) + " (H2 databases in " + workDir + ")");
    for (Map.Entry<String, Class<?>> service : services.entrySet()) {
      String name = service.getKey();
      List<String> command = new ArrayList<>(List.of(javaBinary(),
          // start-up speed over peak performance for a short run on a small machine
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
          "-cp", System.getProperty("java.class.path"), service.getValue().getName(),
          "--server.port=" + ports.get(name),
          "--eventcontracts.servers=nats://127.0.0.1:" + natsPort,
          "--sample.data-dir=" + workDir.resolve("data"),
          "--spring.main.banner-mode=off"));
      if (name.equals(OrdersApplication.NAME)) {
        command.add("--orders.expiration-window=" + EXPIRATION_WINDOW);
      }
      start(name, command, true);
    }
    TicketingClient anonymous = new TicketingClient(ports, jwtKey, null);
    for (String name : services.keySet()) {
      Await.until(name + " to report UP on /actuator/health", Duration.ofSeconds(60),
          () -> anonymous.health(name).status() == 200 ? Boolean.TRUE : null);
    }
    say("all four services are up after " + elapsed() + "; running the scenario");
    System.out.println();

    TicketingScenario.Result result = new TicketingScenario(anonymous.as(jwtKey, "seller-1"),
        anonymous.as(jwtKey, "buyer-1"), EXPIRATION_WINDOW, line -> System.out.println("[" + elapsed() + "] " + line))
        .run();

    deadLetterStep(natsPort, anonymous);

    System.out.println();
    say("final state:");
    System.out.println("  expired order " + result.expiredOrder().get("id").asString() + ": "
        + result.expiredOrder().get("status").asString() + " (v" + result.expiredOrder().get("version") + ")");
    System.out.println("  paid order    " + result.paidOrder().get("id").asString() + ": "
        + result.paidOrder().get("status").asString() + " (v" + result.paidOrder().get("version") + ")");
    System.out.println("  ticket " + result.releasedTicket().get("id").asString() + ": free, v"
        + result.releasedTicket().get("version") + " (orders' copy: v" + result.replicatedTicket().get("version")
        + ")");
    System.out.println("  ticket " + result.soldTicket().get("id").asString() + ": reserved by the paid order, v"
        + result.soldTicket().get("version"));
    say("OK: " + result.checks().size() + " checks passed in " + elapsed() + "; stopping the services");
  }

  /** A foreign publisher's malformed order:created never reaches a handler: each listening service dead-letters it. */
  private void deadLetterStep(int natsPort, TicketingClient anonymous) throws Exception {
    System.out.println("[" + elapsed() + "] extra: a foreign publisher sends a malformed order:created "
        + "(empty id, no expiresAt) straight to NATS");
    try (Connection nc = Nats.connect("nats://127.0.0.1:" + natsPort)) {
      Subscription deadLetters = nc.subscribe("deadletter.order:created");
      nc.flush(Duration.ofSeconds(2));
      nc.jetStream().publish("order:created", "{\"id\":\"\",\"version\":0,\"status\":\"created\"}"
          .getBytes(StandardCharsets.UTF_8));
      int letters = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (letters < 3 && System.nanoTime() < deadline) {
        if (deadLetters.nextMessage(Duration.ofMillis(500)) != null) {
          letters++;
        }
      }
      if (letters != 3) {
        throw new IllegalStateException("expected 3 dead letters on deadletter.order:created, got " + letters);
      }
    }
    for (String service : List.of(TicketsApplication.NAME, ExpirationApplication.NAME, PaymentsApplication.NAME)) {
      if (anonymous.health(service).status() != 200) {
        throw new IllegalStateException(service + " is not healthy after the malformed event");
      }
    }
    System.out.println("[" + elapsed() + "]       ok: dead-lettered by tickets, expiration and payments "
        + "(deadletter.order:created); no handler saw it, every service still healthy");
  }

  private void start(String name, List<String> command, boolean service) throws IOException {
    Path log = workDir.resolve("logs").resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("JWT_KEY", jwtKey);
    if (!service) {
      builder.redirectOutput(log.toFile());
      processes.add(builder.start());
      return;
    }
    Process process = builder.start();
    processes.add(process);
    Thread pump = new Thread(() -> pump(process, log), "log-" + name);
    pump.setDaemon(true);
    pump.start();
  }

  /** Copies a service's output to its log file and prints its event lines. */
  private void pump(Process process, Path log) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
         PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.println(line);
        int at = line.indexOf(EventLog.PREFIX);
        if (at >= 0) {
          System.out.println("[" + elapsed() + "]   " + line.substring(at + EventLog.PREFIX.length()));
        } else if (line.contains("cannot start")) {
          System.out.println(line);
        }
      }
    } catch (IOException e) {
      // the process went away; its log has what it wrote
    }
  }

  synchronized void stopAll() {
    // services first (graceful: SIGTERM lets Spring close listeners and the outbox relay), the server last
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).destroy();
    }
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      try {
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
  }

  private String elapsed() {
    return String.format("%5.1fs", (System.nanoTime() - startNanos) / 1e9);
  }

  private static void say(String line) {
    System.out.println("demo: " + line);
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String natsBinary() {
    String env = System.getenv("NATS_SERVER_BIN");
    if (env != null && !env.isBlank()) {
      return env;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "nats-server");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    if (Files.isExecutable(Path.of("/usr/sbin/nats-server"))) {
      return "/usr/sbin/nats-server";
    }
    throw new IllegalStateException("nats-server not found: run scripts/ensure-tools.sh or set NATS_SERVER_BIN");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void awaitPort(int port, Duration timeout, String what) {
    Await.until(what + " to accept connections on port " + port, timeout, () -> {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return Boolean.TRUE;
      } catch (IOException e) {
        return null;
      }
    });
  }
}
