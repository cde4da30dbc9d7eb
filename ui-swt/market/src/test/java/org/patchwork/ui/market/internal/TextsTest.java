package org.patchwork.ui.market.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.marketplace.Details;
import org.patchwork.marketplace.Entry;
import org.patchwork.marketplace.Missing;
import org.patchwork.marketplace.Repository;

class TextsTest {

  private static final String KEY = "0f49d6c87dda36f4" + "a".repeat(48);

  private static Entry entry(String installed, String update, boolean expired) {
    return new Entry("org.example.fx", "Space echo", "An echo.", "module", "1.1.0", "main", List.of("effect"),
        installed, update, expired);
  }

  @Test
  void aRowSaysWhatIsInstalledAndWhatUpdateIsOffered() {
    assertEquals(List.of("Space echo", "1.1.0", "module", ""), List.of(Texts.row(entry("", "", false))));
    assertEquals("installed 1.1.0", Texts.status(entry("1.1.0", "", false)));
    assertEquals("update 1.0.0 \u2192 1.1.0", Texts.status(entry("1.0.0", "1.1.0", false)));
    assertEquals("catalogue expired", Texts.status(entry("", "", true)));
  }

  @Test
  void theDetailsNameThePeopleThePublisherKeyAndEveryVersion() {
    Details d = new Details("org.example.fx", "Space echo", "An echo.", "A tape echo with wow and flutter.", "module",
        "Example Makers", "Apache-2.0", "https://example.org/fx", List.of("effect", "delay"), "main", false,
        List.of(new Details.Release("1.1.0", 5_300, "b".repeat(64), KEY, "0.1.0", "2026-11-24T10:00:00Z",
            List.of("org.example.echo")), new Details.Release("1.0.0", 900, "c".repeat(64), "a".repeat(64), "0.1.0",
            "2026-11-01T10:00:00Z", List.of())), "1.1.0", "1.0.0", KEY);
    String t = Texts.details(d);
    assertTrue(t.startsWith("Space echo  (org.example.fx, module)\nAn echo.\n\nA tape echo with wow and flutter.\n"), t);
    assertTrue(t.contains("Author:        Example Makers\n"), t);
    assertTrue(t.contains("Licence:       Apache-2.0\n"), t);
    assertTrue(t.contains("Tags:          effect, delay\n"), t);
    assertTrue(t.contains("Publisher key: ed25519:0f49d6c87dda36f4\nFingerprint:   " + KEY + "\n"), t);
    assertTrue(t.contains("Installed:     1.1.0 (1.0.0 kept for roll back)\n"), t);
    assertTrue(t.contains("  1.1.0        5.2 KiB  published 2026-11-24  needs Patchwork 0.1.0\n"), t);
    assertTrue(t.contains("modules: org.example.echo"), t);
    assertTrue(t.contains("  1.0.0          900 B"), t);
    assertTrue(t.contains("signed by another key: ed25519:aaaaaaaaaaaaaaaa"), t);
  }

  @Test
  void theBannerCountsTheMissingModulesAndNamesTheLockedVersions() {
    assertEquals("", Texts.banner(List.of()));
    Missing gain = new Missing("org.x.gain", "org.x.bundle", "1.0.0", "d".repeat(64), true);
    assertEquals("This project needs 1 module that is not installed: org.x.gain (org.x.bundle 1.0.0)",
        Texts.banner(List.of(gain)));
    Missing gone = new Missing("org.x.gone", "org.x.old", "2.0.0", "e".repeat(64), false);
    Missing unlocked = new Missing("org.x.free", "", "", "", false);
    assertEquals("This project needs 3 modules that are not installed: org.x.gain (org.x.bundle 1.0.0), org.x.gone"
        + " (org.x.old 2.0.0, not offered by your repositories), org.x.free (not in its lockfile)",
        Texts.banner(List.of(gain, gone, unlocked)));
    assertTrue(Texts.installable(List.of(unlocked, gain)));
    assertFalse(Texts.installable(List.of(unlocked)));
  }

  @Test
  void repositoriesAndProgressInWords() {
    assertEquals(Texts.NO_REPOSITORY, Texts.repositories(List.of()));
    assertEquals("main: 12 bundles, catalogue 3   old: 1 bundles, catalogue 9 EXPIRED   bad: refused",
        Texts.repositories(List.of(new Repository("main", "http://x/", 3, 12, "2026-12-01T00:00:00Z", false, ""),
            new Repository("old", "http://y/", 9, 1, "2026-01-01T00:00:00Z", true, ""),
            new Repository("bad", "http://z/", 0, 0, "", false, "refused"))));
    assertEquals("Downloading org.x 1.0.0: 32.0 KiB of 1.5 MiB",
        Texts.progress(new DownloadProgress.Snapshot("org.x", "1.0.0", 32 * 1024, 1536 * 1024, "downloading")));
    assertEquals("Installing and starting...",
        Texts.progress(new DownloadProgress.Snapshot("org.x", "1.0.0", 10, 10, "installing and starting")));
  }
}
