package org.patchwork.project;

/** How a sample loop repeats; written in JSON in lower case. */
public enum LoopMode {
  /** Start to end, again and again. */
  FORWARD,
  /** Start to end, then back to start. */
  PINGPONG
}
