/**
 * The IR text form ({@code .sir} files): {@link dev.silica.workloads.text.IrPrinter} writes a graph
 * as one declaration or node per line, and {@link dev.silica.workloads.text.IrParser} reads it back
 * with every shape checked, reporting errors as {@code file:line:col: message}.
 *
 * <pre>{@code
 * graph tiny {
 *   input %image: f32[1,3,32,32]
 *   param %conv1.weight: f32[8,3,3,3]
 *   %conv1 = conv2d(%image, %conv1.weight) {stride=[1,1], padding=[1,1,1,1], dilation=[1,1], groups=1}: f32[1,8,32,32]
 *   %relu1 = relu(%conv1): f32[1,8,32,32]
 *   output %relu1
 * }
 * }</pre>
 *
 * <p>{@code IrParser.parse(IrPrinter.print(g), src).equals(g)} holds for every graph, and printing
 * is canonical, so printing a parsed printout gives the same text. The grammar is in {@link
 * dev.silica.workloads.text.IrParser}'s class comment.
 */
package dev.silica.workloads.text;
