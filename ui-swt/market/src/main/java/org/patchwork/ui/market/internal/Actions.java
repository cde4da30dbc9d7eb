package org.patchwork.ui.market.internal;

import org.patchwork.marketplace.Details;
import org.patchwork.marketplace.Entry;

/**
 * Which of Install, Update, Remove and Roll back apply to the selected bundle, and what Enter
 * does on it. None while a command runs: the marketplace runs one at a time.
 */
record Actions(boolean install, boolean update, boolean remove, boolean rollback) {

  static final Actions NONE = new Actions(false, false, false, false);

  /** The actions for {@code entry} ({@code details} may be null until loaded). */
  static Actions of(Entry entry, Details details, boolean busy) {
    if (busy || entry == null) {
      return NONE;
    }
    boolean installed = entry.isInstalled();
    boolean kept = details != null && details.id().equals(entry.id()) && !details.previous().isEmpty();
    return new Actions(!installed, entry.hasUpdate(), installed, installed && kept);
  }

  /** Enter or a double-click: install what is not installed, update what has an update. */
  Command primary() {
    return install ? Command.INSTALL : update ? Command.UPDATE : null;
  }

  /** The commands the panel runs. */
  enum Command {
    INSTALL("Install"), UPDATE("Update"), REMOVE("Remove"), ROLLBACK("Roll back");

    final String label;

    Command(String label) {
      this.label = label;
    }
  }
}
