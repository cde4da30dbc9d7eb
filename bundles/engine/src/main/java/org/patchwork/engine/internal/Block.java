package org.patchwork.engine.internal;

/**
 * What every step of a plan needs to know about the block being processed. One instance per
 * engine, rewritten at each block: passing it allocates nothing.
 */
final class Block {
  /** Absolute engine frame of the block's first frame. */
  long frame;
  /** Frames in this block. */
  int frames;
  /** Mix gains at the block's start and end, by gain slot; equal unless a new mix arrived. */
  float[] gainFrom;
  float[] gainTo;
  /** Where nodes report faults. */
  FaultSink faults;
  /**
   * A module's CPU budget in nanoseconds per frame of the block (0: not watched), and how many
   * blocks in a row it may overrun it before it is bypassed.
   */
  double budgetNanosPerFrame;
  int overrunBlocks;
}
