/**
 * JMH benchmarks of Silica's own throughput (not of the simulated hardware). Built only with the
 * {@code benchmarks} profile: {@code ./mvnw -P benchmarks package -pl benchmarks -am}, then {@code
 * java -jar benchmarks/target/benchmarks.jar}.
 */
package dev.silica.benchmarks;
