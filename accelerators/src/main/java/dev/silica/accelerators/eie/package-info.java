/**
 * EIE (Han et al., ISCA 2016): the cycle-level sparse engine for compressed fully connected and
 * recurrent layers. {@link dev.silica.accelerators.eie.EieModel} is the accelerator; {@link
 * dev.silica.accelerators.eie.EieLowering} encodes a layer into per-PE interleaved CSC, {@link
 * dev.silica.accelerators.eie.EieSimulator} runs it cycle by cycle, {@link
 * dev.silica.accelerators.eie.EieReference} is the functional reference and {@link
 * dev.silica.accelerators.eie.EieStudy} produces the paper's studies as data.
 */
package dev.silica.accelerators.eie;
