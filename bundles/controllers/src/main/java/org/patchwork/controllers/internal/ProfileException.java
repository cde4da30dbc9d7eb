package org.patchwork.controllers.internal;

/** A profile that breaks a rule: names the profile, the JSON path and the rule. */
final class ProfileException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  ProfileException(String source, String path, String rule) {
    super(source + ": " + path + ": " + rule);
  }
}
