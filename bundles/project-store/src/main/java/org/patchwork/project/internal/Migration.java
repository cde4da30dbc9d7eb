package org.patchwork.project.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step of the migration chain: turns a project tree of version {@link #from()} into version
 * {@code from() + 1}, in place. A step only moves and renames; it never throws on content of an
 * unexpected shape but leaves it for the schema to reject with its path.
 */
public interface Migration {

  /** The version this step reads. */
  int from();

  /** What it changes, for {@code patchwork migrate}'s report. */
  String summary();

  /** Rewrites {@code root} to the next version, including its {@code formatVersion}. */
  void apply(ObjectNode root);
}
