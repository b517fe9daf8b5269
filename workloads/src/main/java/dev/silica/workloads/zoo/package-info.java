/**
 * The model zoo: every architecture the seed notes discuss, built as graph IR with {@link
 * dev.silica.workloads.zoo.NetBuilder} and listed in {@link dev.silica.workloads.zoo.Zoo}. Each
 * model's class cites the paper or table that defines it; the accounting tests check its parameter
 * and MAC totals against published numbers.
 */
package dev.silica.workloads.zoo;
