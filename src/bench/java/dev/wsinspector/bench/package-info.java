/**
 * Benchmarks run by hand ({@link dev.wsinspector.bench.IngestBenchmark}, {@link dev.wsinspector.bench.JournalBenchmark},
 * {@link dev.wsinspector.bench.DecoderBenchmark}, {@link dev.wsinspector.bench.FilterBenchmark})
 * and their raw-socket {@link dev.wsinspector.bench.FloodServer}; figures and commands in docs/BENCHMARKS.md.
 * Not app code: the sources live in {@code src/bench/java}, compile with the tests (which use the flood server) and
 * go into {@code target/ws-inspector-bench.jar}, never into the app's jar. They use {@code core}, {@code transport}
 * and the CLI like any client, and the main classes only (the test helpers are not on a benchmark's class path);
 * the test run skips the benchmarks.
 */
package dev.wsinspector.bench;
