/**
 * Benchmarks run by hand ({@link dev.wsinspector.bench.IngestBenchmark}, {@link dev.wsinspector.bench.JournalBenchmark})
 * and their raw-socket {@link dev.wsinspector.bench.FloodServer}; figures and commands in docs/BENCHMARKS.md.
 * Main code (it ships in the jar) that uses {@code core}, {@code transport} and the CLI like any client; nothing
 * in the app may depend on it, and the test run excludes the benchmarks.
 */
package dev.wsinspector.bench;
