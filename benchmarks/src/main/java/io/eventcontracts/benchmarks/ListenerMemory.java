package io.eventcontracts.benchmarks;

import io.eventcontracts.runtime.EventClient;
import io.eventcontracts.runtime.MessageContext;
import io.eventcontracts.runtime.Subscription;
import io.eventcontracts.testing.NatsServerRunner;
import io.eventcontracts.ticketing.TicketCreatedEvent;
import io.eventcontracts.ticketing.TicketCreatedListener;
import io.nats.client.Connection;
import io.nats.client.MessageConsumer;
import io.nats.client.StreamContext;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Memory and threads per listener (not JMH): starts nats-server, then for K = 1, 10, 100 creates K
 * {@code TicketCreatedListener}s on distinct queue groups (so K durable pull consumers) on ONE {@code EventClient},
 * lets them idle, and reports the retained heap (used heap after {@code System.gc()}, before vs after), live
 * threads and resident set size, each divided by K; repeated, median reported. The same is measured for K plain
 * jnats {@code ConsumerContext.consume()} loops on one connection ({@code raw}) to separate jnats' share.
 *
 * <pre>java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar \
 *     io.eventcontracts.benchmarks.ListenerMemory [1,10,100] [reps] [typed,raw]</pre>
 *
 * <p>Pre-touch the heap: otherwise the RSS column mostly shows heap pages touched for the first time by garbage.
 */
public final class ListenerMemory {

  private static final long SETTLE_MILLIS = 1_000;

  private ListenerMemory() {}

  public static void main(String[] args) throws Exception {
    int[] ks = Arrays.stream((args.length > 0 ? args[0] : "1,10,100").split(","))
        .mapToInt(Integer::parseInt).toArray();
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<String> modes = List.of((args.length > 2 ? args[2] : "typed,raw").split(","));
    System.out.printf("java %s, %s, %d cpus, max heap %d MiB, reps %d%n", System.getProperty("java.version"),
        ManagementFactory.getRuntimeMXBean().getInputArguments(), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, reps);
    try (NatsServerRunner server = BenchSupport.startServer()) {
      EventClient client = EventClient.create(BenchSupport.connectTransport(server.url()),
          BenchSupport.clientOptions(BenchSupport.registry()));
      Connection raw = BenchSupport.connectRaw(server.url());
      StreamContext stream = raw.jetStream().getStreamContext(BenchSupport.STREAM);
      try {
        // warm-up round at the largest K: loads classes, compiles the subscribe path, creates shared pools/timers
        // and lets glibc create its per-thread malloc arenas, none of which is a per-listener cost
        int maxK = Arrays.stream(ks).max().orElse(10);
        for (String mode : modes) {
          measure(mode, maxK, 0, client, stream);
        }
        System.out.printf("%n%-6s %5s | %-28s | %-22s | %-24s%n", "mode", "K", "retained heap / listener",
            "threads / listener", "RSS / listener");
        System.out.println("-".repeat(96));
        for (String mode : modes) {
          for (int k : ks) {
            List<Sample> samples = new ArrayList<>();
            for (int rep = 1; rep <= reps; rep++) {
              samples.add(measure(mode, k, rep, client, stream));
            }
            report(mode, k, samples);
          }
        }
        Sample detail = measure("typed", 10, 99, client, stream);
        System.out.println("\nnew threads with 10 typed listeners, by name prefix: " + detail.newThreads);
        detail = measure("raw", 10, 99, client, stream);
        System.out.println("new threads with 10 raw consume() loops, by name prefix: " + detail.newThreads);
      } finally {
        raw.close();
        client.close();
      }
    }
  }

  record Sample(long heapBytes, int threads, long rssBytes, int k, Map<String, Long> newThreads) {}

  private static Sample measure(String mode, int k, int rep, EventClient client, StreamContext stream)
      throws Exception {
    Set<Long> threadsBefore = threadIds();
    long heapBefore = usedHeapAfterGc();
    int threadCountBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    long rssBefore = rss();
    List<AutoCloseable> closers = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      String group = "mem-" + mode + "-" + rep + "-" + i;
      if (mode.equals("typed")) {
        TicketCreatedListener listener = new TicketCreatedListener(client) {
          @Override
          protected String queueGroupName() {
            return group;
          }

          @Override
          public void onMessage(TicketCreatedEvent event, MessageContext context) {
            context.ack();
          }
        };
        Subscription subscription = listener.listen();
        closers.add(subscription::unsubscribe);
      } else {
        var consumer = stream.createOrUpdateConsumer(BenchSupport.consumerConfig(group.replace('.', '_'),
            io.eventcontracts.runtime.ListenOptions.DEFAULT_MAX_IN_FLIGHT));
        MessageConsumer loop = consumer.consume(
            BenchSupport.consumeOptions(io.eventcontracts.runtime.ListenOptions.DEFAULT_MAX_IN_FLIGHT),
            message -> message.ack());
        closers.add(() -> {
          loop.stop();
          loop.close();
          stream.deleteConsumer(consumer.getConsumerName());
        });
      }
    }
    Thread.sleep(SETTLE_MILLIS);
    long heapAfter = usedHeapAfterGc();
    int threadCountAfter = ManagementFactory.getThreadMXBean().getThreadCount();
    long rssAfter = rss();
    Map<String, Long> newThreads = newThreadsByPrefix(threadsBefore);
    for (AutoCloseable c : closers) {
      c.close();
    }
    Thread.sleep(SETTLE_MILLIS / 2);
    return new Sample(heapAfter - heapBefore, threadCountAfter - threadCountBefore, rssAfter - rssBefore, k,
        newThreads);
  }

  private static void report(String mode, int k, List<Sample> samples) {
    List<Double> heap = samples.stream().map(s -> (double) s.heapBytes() / k).sorted().toList();
    List<Double> threads = samples.stream().map(s -> (double) s.threads() / k).sorted().toList();
    List<Double> rss = samples.stream().map(s -> (double) s.rssBytes() / k).sorted().toList();
    System.out.printf("%-6s %5d | %8s (%s..%s) | %6.2f (%.2f..%.2f) | %8s (%s..%s)%n", mode, k,
        kib(median(heap)), kib(heap.get(0)), kib(heap.get(heap.size() - 1)),
        median(threads), threads.get(0), threads.get(threads.size() - 1),
        kib(median(rss)), kib(rss.get(0)), kib(rss.get(rss.size() - 1)));
  }

  private static String kib(double bytes) {
    return String.format("%.1f KiB", bytes / 1024);
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static Set<Long> threadIds() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
  }

  private static Map<String, Long> newThreadsByPrefix(Set<Long> before) {
    return Collections.unmodifiableMap(Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t.getId()))
        .collect(Collectors.groupingBy(t -> t.getName().replaceAll("[-_0-9]+$", ""), TreeMap::new,
            Collectors.counting())));
  }

  /** Resident set size from /proc (Linux); 0 elsewhere. */
  private static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return 0;
  }
}
