package org.patchwork.ui.market.internal;

import org.patchwork.marketplace.Progress;

/**
 * The latest progress of the command running on the panel's worker thread, read by the view at
 * display rate (so a fast download never floods the UI thread with updates). Thread: written by
 * the worker, read by the UI thread.
 */
final class DownloadProgress implements Progress {

  /** Bytes of the current download and the current step. */
  record Snapshot(String id, String version, long done, long total, String step) {

    static final Snapshot IDLE = new Snapshot("", "", 0, 0, "");

    /** Progress bar position out of {@code max}. */
    int position(int max) {
      return total <= 0 ? 0 : (int) Math.min(max, done * max / total);
    }
  }

  private volatile Snapshot latest = Snapshot.IDLE;

  @Override
  public void download(String id, String version, long done, long total) {
    latest = new Snapshot(id, version, done, total, latest.step());
  }

  @Override
  public void step(String text) {
    Snapshot s = latest;
    latest = new Snapshot(s.id(), s.version(), s.done(), s.total(), text);
  }

  Snapshot latest() {
    return latest;
  }

  void reset() {
    latest = Snapshot.IDLE;
  }
}
