package io.eventcontracts.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.eventcontracts.runtime.internal.DefaultEventClient;
import io.eventcontracts.ticketing.EventTypes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the CPU goes (not JMH): runs the publish and receive benchmark bodies for a fixed time after a warm-up and
 * reports CPU microseconds per message of the benchmark JVM (total, and per Java thread group) and of the
 * nats-server process, plus the throughput. On a 2-core machine client and server share the cores, so CPU per
 * message — not only wall time — decides the throughput ratio.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.eventcontracts.benchmarks.CpuPerMessage [warmupSeconds]
 *     [measureSeconds] [variant,...]</pre>
 *
 * Variants: publish.raw, publish.rawHeaders, publish.typed, receive.raw, receive.typed (default), and
 * publish.rawMsgIdOnly (only Nats-Msg-Id + expected stream), publish.rawHeadersNoMsgId (only the runtime's
 * headers), and the header layouts publish.rawStreamOnly (only Nats-Expected-Stream), publish.rawCompactSubject
 * ({@code Ec-Contract: <subject>@1} + stream), publish.rawCompactId ({@code Ec-Contract: <$id>@1} + stream) to split
 * the server's cost of the typed wire format. {@code -Dcpu.perThread=true} lists threads one by one instead of
 * grouped by name; {@code -Dcpu.concurrency=2} runs receive.typed with {@code concurrency(2)} (default 1).
 *
 * <p>CPU-only variants (no server, one thread; the bodies of {@code ValidationBenchmark}):
 * {@code cpu.parseValidateBind} (the validation + bind target: messages per second on one core = 10^6 / its CPU µs),
 * its parts {@code cpu.parseOnly}, {@code cpu.validateTreeOnly}, {@code cpu.validateTreeNetworkntOnly} (without the
 * runtime's fast path), {@code cpu.bindOnly}, {@code cpu.jacksonRead} (plain Jackson bytes → event), and the
 * runtime's whole per-message work without a network: {@code cpu.receiveNoNetwork}, {@code cpu.publishNoNetwork}.
 * Thread CPU time, unlike JMH's wall-clock throughput, hardly moves when other processes share the cores.
 */
public final class CpuPerMessage {

  private CpuPerMessage() {}

  interface Body {
    /** Runs one invocation untimed preparation, returns nothing. */
    default void prepare() throws Exception {}

    /** Runs one timed invocation; returns messages handled. */
    int run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int measure = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    List<String> variants = args.length > 2 ? List.of(args[2].split(","))
        : List.of("publish.raw", "publish.rawHeaders", "publish.typed", "receive.raw", "receive.typed");
    System.out.printf("warm-up %d s, measure %d s, %d cpus, java %s%n", warmup, measure,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    for (String variant : variants) {
      run(variant, warmup, measure);
    }
    System.exit(0);
  }

  private static void run(String variant, int warmup, int measure) throws Exception {
    AutoCloseable teardown;
    Body body;
    switch (variant) {
      case "publish.raw", "publish.rawHeaders", "publish.rawMsgIdOnly", "publish.rawHeadersNoMsgId",
          "publish.rawCompactId", "publish.rawCompactSubject", "publish.rawStreamOnly", "publish.typed" -> {
        PublishBenchmark b = new PublishBenchmark();
        b.setUp();
        teardown = b::tearDown;
        int[] calls = {0};
        Body inner = switch (variant) {
          case "publish.raw" -> () -> {
            b.rawPublishAsync();
            return PublishBenchmark.BATCH;
          };
          case "publish.rawHeaders" -> () -> {
            b.rawPublishAsyncHeaders();
            return PublishBenchmark.BATCH;
          };
          case "publish.rawMsgIdOnly" -> () -> {
            b.rawPublishAsyncMessageIdOnly();
            return PublishBenchmark.BATCH;
          };
          case "publish.rawHeadersNoMsgId" -> () -> {
            b.rawPublishAsyncHeadersNoMessageId();
            return PublishBenchmark.BATCH;
          };
          case "publish.rawCompactId", "publish.rawCompactSubject", "publish.rawStreamOnly" -> {
            io.nats.client.impl.Headers h = new io.nats.client.impl.Headers();
            if (!variant.equals("publish.rawStreamOnly")) {
              h.put(DefaultEventClient.HEADER_CONTRACT, (variant.equals("publish.rawCompactId") ? BenchSupport.CONTRACT_ID
                  : BenchSupport.SUBJECT) + "@" + EventTypes.TICKET_CREATED.contractVersion());
            }
            h.put("Nats-Expected-Stream", BenchSupport.STREAM);
            io.nats.client.impl.Headers shared = new io.nats.client.impl.Headers(h, true);
            yield () -> {
              b.rawPublishAsyncWith(shared);
              return PublishBenchmark.BATCH;
            };
          }
          default -> () -> {
            b.typedPublish();
            return PublishBenchmark.BATCH;
          };
        };
        body = new Body() {
          @Override
          public void prepare() throws Exception {
            if (++calls[0] % 100 == 0) {
              b.purge(); // as JMH does per iteration: keep the stream small
            }
          }

          @Override
          public int run() throws Exception {
            return inner.run();
          }
        };
      }
      case "receive.raw" -> {
        ReceiveBenchmark b = new ReceiveBenchmark();
        ReceiveBenchmark.RawState s = new ReceiveBenchmark.RawState();
        s.maxInFlight = 64;
        s.setUp();
        teardown = s::tearDown;
        body = new Body() {
          @Override
          public void prepare() throws Exception {
            s.load();
          }

          @Override
          public int run() throws Exception {
            return b.rawConsume(s);
          }
        };
      }
      case "receive.typed" -> {
        ReceiveBenchmark b = new ReceiveBenchmark();
        ReceiveBenchmark.TypedState s = new ReceiveBenchmark.TypedState();
        s.maxInFlight = 64;
        s.concurrency = Integer.getInteger("cpu.concurrency", 1); // ListenOptions.concurrency, as JMH's @Param
        s.setUp();
        teardown = s::tearDown;
        body = new Body() {
          @Override
          public void prepare() throws Exception {
            s.load();
          }

          @Override
          public int run() throws Exception {
            return b.typedListener(s);
          }
        };
      }
      case "cpu.parseValidateBind", "cpu.parseOnly", "cpu.validateTreeOnly", "cpu.bindOnly", "cpu.jacksonRead",
          "cpu.validateTreeNetworkntOnly",
          "cpu.receiveNoNetwork", "cpu.publishNoNetwork" -> {
        ValidationBenchmark b = new ValidationBenchmark();
        b.setUp();
        teardown = b::tearDown;
        Runnable op = switch (variant) {
          case "cpu.parseValidateBind" -> b::parseValidateBind;
          case "cpu.parseOnly" -> b::parseOnly;
          case "cpu.validateTreeOnly" -> b::validateTreeOnly;
          case "cpu.validateTreeNetworkntOnly" -> b::validateTreeNetworkntOnly;
          case "cpu.bindOnly" -> b::bindOnly;
          case "cpu.receiveNoNetwork" -> b::receiveNoNetwork;
          case "cpu.publishNoNetwork" -> b::publishNoNetwork;
          default -> b::jacksonRead;
        };
        body = () -> {
          for (int i = 0; i < 10_000; i++) {
            op.run();
          }
          return 10_000;
        };
      }
      default -> throw new IllegalArgumentException("unknown variant " + variant);
    }
    try {
      long serverPid = ProcessHandle.current().children()
          .filter(p -> p.info().command().orElse("").contains("nats-server"))
          .mapToLong(ProcessHandle::pid).max().orElse(-1);
      long end = System.nanoTime() + warmup * 1_000_000_000L;
      while (System.nanoTime() < end) {
        body.prepare();
        body.run();
      }
      long messages = 0;
      long wall = 0;
      Snapshot total = Snapshot.zero();
      end = System.nanoTime() + measure * 1_000_000_000L;
      while (System.nanoTime() < end) {
        body.prepare();
        Snapshot before = Snapshot.take(serverPid);
        long t0 = System.nanoTime();
        messages += body.run();
        wall += System.nanoTime() - t0;
        total = total.plus(Snapshot.take(serverPid).minus(before));
      }
      long n = messages;
      System.out.printf("%n%-20s %,.0f msgs/s over %,d msgs; CPU us/msg: server %.2f, client JVM %.2f "
              + "(Java threads %.2f, rest = JIT/GC/VM %.2f)%n", variant, messages / (wall / 1e9), messages,
          total.serverNanos / 1e3 / messages, total.processNanos / 1e3 / messages,
          total.threadNanos() / 1e3 / messages, (total.processNanos - total.threadNanos()) / 1e3 / messages);
      total.threads.entrySet().stream()
          .filter(e -> e.getValue() / 1e3 / n >= 0.05)
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> System.out.printf("    %-44s %.2f us/msg%n", e.getKey(), e.getValue() / 1e3 / n));
    } finally {
      teardown.close();
    }
  }

  /** CPU times in ns: the nats-server process, this JVM, and this JVM's threads grouped by name. */
  record Snapshot(long serverNanos, long processNanos, Map<String, Long> threads) {
    static Snapshot zero() {
      return new Snapshot(0, 0, new TreeMap<>());
    }

    static Snapshot take(long serverPid) throws Exception {
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      Map<String, Long> threads = new TreeMap<>();
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        long cpu = mx.getThreadCpuTime(t.getId());
        if (cpu > 0) {
          threads.merge(group(t.getName()), cpu, Long::sum);
        }
      }
      long process = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
      return new Snapshot(serverCpu(serverPid), process, threads);
    }

    static String group(String name) {
      if (Boolean.getBoolean("cpu.perThread")) {
        return name;
      }
      return name.replaceAll("-[0-9a-f]{8}\\b", "").replaceAll("\\d+", "#");
    }

    Snapshot minus(Snapshot o) {
      Map<String, Long> t = new LinkedHashMap<>();
      threads.forEach((k, v) -> t.put(k, Math.max(0, v - o.threads.getOrDefault(k, 0L))));
      return new Snapshot(serverNanos - o.serverNanos, processNanos - o.processNanos, t);
    }

    Snapshot plus(Snapshot o) {
      Map<String, Long> t = new TreeMap<>(threads);
      o.threads.forEach((k, v) -> t.merge(k, v, Long::sum));
      return new Snapshot(serverNanos + o.serverNanos, processNanos + o.processNanos, t);
    }

    long threadNanos() {
      return threads.values().stream().mapToLong(Long::longValue).sum();
    }

    /** utime + stime of a process from /proc/PID/stat, in ns (assumes 100 clock ticks per second). */
    static long serverCpu(long pid) throws Exception {
      if (pid < 0) {
        return 0; // CPU-only variants run no server
      }
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    }
  }
}
