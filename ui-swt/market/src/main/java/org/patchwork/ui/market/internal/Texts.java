package org.patchwork.ui.market.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.patchwork.marketplace.Details;
import org.patchwork.marketplace.Entry;
import org.patchwork.marketplace.Missing;
import org.patchwork.marketplace.Repository;

/** What the panel writes, as plain strings (no SWT), so the wording is tested without a display. */
final class Texts {

  /** The hint shown when no repository has been added. */
  static final String NO_REPOSITORY = "No repository yet. Add one in a terminal with"
      + " 'patchwork market add-repo URL --key PUBLIC_KEY' (the key comes from the repository's owner), then Refresh.";

  private Texts() {
  }

  /** A result row: name, latest version, kind, installed state. */
  static String[] row(Entry e) {
    return new String[] {e.name().isBlank() ? e.id() : e.name(), e.latest(), e.kind(), status(e)};
  }

  /** "installed 1.0.0", "update 1.0.0 → 1.1.0", or "" when not installed; "catalogue expired" added. */
  static String status(Entry e) {
    String s = e.hasUpdate() ? "update " + e.installed() + " \u2192 " + e.update()
        : e.isInstalled() ? "installed " + e.installed() : "";
    if (e.expired()) {
      s = s.isEmpty() ? "catalogue expired" : s + ", catalogue expired";
    }
    return s;
  }

  /** The details pane: description, people, tags, publisher key and every version. */
  static String details(Details d) {
    StringBuilder b = new StringBuilder();
    b.append(d.name().isBlank() ? d.id() : d.name()).append("  (").append(d.id()).append(", ").append(d.kind())
        .append(")\n");
    if (!d.summary().isBlank()) {
      b.append(d.summary()).append('\n');
    }
    if (!d.description().isBlank() && !d.description().equals(d.summary())) {
      b.append('\n').append(d.description()).append('\n');
    }
    b.append('\n');
    line(b, "Author", d.author());
    line(b, "Licence", d.licence());
    line(b, "Homepage", d.homepage());
    line(b, "Tags", String.join(", ", d.tags()));
    line(b, "Repository", d.repository() + (d.expired() ? " (catalogue expired: refresh before installing)" : ""));
    if (!d.versions().isEmpty()) {
      Details.Release newest = d.versions().getFirst();
      line(b, "Publisher key", newest.publisherKeyName());
      line(b, "Fingerprint", newest.publisherKey());
    }
    if (!d.pinnedKey().isEmpty()) {
      line(b, "Pinned to", "ed25519:" + d.pinnedKey().substring(0, Math.min(16, d.pinnedKey().length()))
          + " (later versions must be signed by this key)");
    }
    line(b, "Installed", d.installed().isEmpty() ? "no" : d.installed()
        + (d.previous().isEmpty() ? "" : " (" + d.previous() + " kept for roll back)"));
    if (!d.versions().isEmpty()) {
      b.append("\nVersions\n");
      String key = d.versions().getFirst().publisherKey();
      for (Details.Release r : d.versions()) {
        b.append(String.format(Locale.ROOT, "  %-10s %9s  published %s  needs Patchwork %s%n", r.version(),
            size(r.size()), r.published().length() >= 10 ? r.published().substring(0, 10) : r.published(),
            r.minimumHostVersion()));
        if (!r.publisherKey().equals(key)) {
          b.append("             signed by another key: ").append(r.publisherKeyName()).append('\n');
        }
        if (!r.modules().isEmpty()) {
          b.append("             modules: ").append(String.join(", ", r.modules())).append('\n');
        }
      }
    }
    return b.toString();
  }

  private static void line(StringBuilder b, String label, String value) {
    if (value != null && !value.isBlank()) {
      b.append(String.format(Locale.ROOT, "%-14s %s%n", label + ":", value));
    }
  }

  /** A size for people: "900 B", "4.2 KiB", "1.3 MiB". */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  /** The banner over a project with missing modules, or "" when none is missing. */
  static String banner(List<Missing> missing) {
    if (missing.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (Missing m : missing) {
      parts.add(m.module() + (!m.locked() ? " (not in its lockfile)"
          : " (" + m.bundle() + " " + m.version() + (m.offered() ? ")" : ", not offered by your repositories)")));
    }
    int n = missing.size();
    return "This project needs " + n + (n == 1 ? " module that is not installed: " : " modules that are not installed: ")
        + String.join(", ", parts);
  }

  /** Whether the banner's install button can do anything: some missing module is locked. */
  static boolean installable(List<Missing> missing) {
    return missing.stream().anyMatch(Missing::locked);
  }

  /** One line about the repositories. */
  static String repositories(List<Repository> repos) {
    if (repos.isEmpty()) {
      return NO_REPOSITORY;
    }
    List<String> parts = new ArrayList<>();
    for (Repository r : repos) {
      parts.add(r.name() + ": " + (!r.problem().isEmpty() ? r.problem()
          : r.catalogueVersion() == 0 ? "not fetched yet"
          : r.bundles() + " bundles, catalogue " + r.catalogueVersion() + (r.expired() ? " EXPIRED" : "")));
    }
    return String.join("   ", parts);
  }

  /** The progress line: a download's bytes or the step in words. */
  static String progress(DownloadProgress.Snapshot s) {
    if (s.total() > 0 && s.done() < s.total()) {
      return "Downloading " + s.id() + " " + s.version() + ": " + size(s.done()) + " of " + size(s.total());
    }
    return s.step().isEmpty() ? "Working..." : Character.toUpperCase(s.step().charAt(0)) + s.step().substring(1) + "...";
  }
}
