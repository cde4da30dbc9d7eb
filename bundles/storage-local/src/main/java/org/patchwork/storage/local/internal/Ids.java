package org.patchwork.storage.local.internal;

/** Project ids that are safe as folder names on every system. */
final class Ids {

  private static final String RULE = "[A-Za-z0-9][A-Za-z0-9._ -]{0,127}";

  private Ids() {
  }

  /** Returns {@code id} if it is a letter or digit followed by up to 127 letters, digits, '.', '_', ' ' or '-'. */
  static String check(String id) {
    if (id == null || !id.matches(RULE) || id.endsWith(".") || id.endsWith(" ")
        || id.equalsIgnoreCase(LocalProjectRepository.ASSETS)) {
      throw new IllegalArgumentException("not a valid project id: '" + id + "' (a letter or digit, then up to 127 "
          + "letters, digits, '.', '_', ' ' or '-', not ending in '.' or ' ', and not 'assets')");
    }
    return id;
  }
}
