package org.patchwork.project.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Version 1 (the engine's graph and notes) to 2, which adds the sample pool, automation lanes
 * and the lockfile. Nothing of version 1 changes; the new sections start empty.
 */
final class V1ToV2 implements Migration {

  @Override
  public int from() {
    return 1;
  }

  @Override
  public String summary() {
    return "added empty samples, automation and lockfile sections";
  }

  @Override
  public void apply(ObjectNode root) {
    for (String section : new String[] {"samples", "automation", "lockfile"}) {
      if (!root.has(section)) {
        root.putArray(section);
      }
    }
    root.put("formatVersion", 2);
  }
}
