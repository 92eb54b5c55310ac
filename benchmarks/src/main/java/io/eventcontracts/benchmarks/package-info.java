/**
 * JMH benchmarks of the runtime ({@link io.eventcontracts.benchmarks.ValidationBenchmark},
 * {@link io.eventcontracts.benchmarks.PublishBenchmark}, {@link io.eventcontracts.benchmarks.ReceiveBenchmark}) and
 * the memory-per-listener harness {@link io.eventcontracts.benchmarks.ListenerMemory}. See docs/benchmarks.md.
 */
package io.eventcontracts.benchmarks;
