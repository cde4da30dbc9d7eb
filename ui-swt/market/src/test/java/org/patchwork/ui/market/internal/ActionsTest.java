package org.patchwork.ui.market.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.marketplace.Details;
import org.patchwork.marketplace.Entry;
import org.patchwork.ui.market.internal.Actions.Command;

class ActionsTest {

  private static Entry entry(String installed, String update) {
    return new Entry("org.x", "X", "", "module", "2.0.0", "main", List.of(), installed, update, false);
  }

  private static Details details(String previous) {
    return new Details("org.x", "X", "", "", "module", "", "", "", List.of(), "main", false, List.of(), "1.0.0",
        previous, "");
  }

  @Test
  void whatIsNotInstalledCanOnlyBeInstalledAndEnterInstallsIt() {
    Actions a = Actions.of(entry("", ""), null, false);
    assertEquals(new Actions(true, false, false, false), a);
    assertEquals(Command.INSTALL, a.primary());
  }

  @Test
  void anInstalledBundleCanBeUpdatedRemovedAndRolledBackWhenAVersionIsKept() {
    Actions a = Actions.of(entry("1.0.0", "2.0.0"), details("0.9.0"), false);
    assertEquals(new Actions(false, true, true, true), a);
    assertEquals(Command.UPDATE, a.primary());
    Actions current = Actions.of(entry("2.0.0", ""), details(""), false);
    assertEquals(new Actions(false, false, true, false), current);
    assertNull(current.primary(), "Enter does nothing on an up-to-date bundle");
  }

  @Test
  void nothingWhileACommandRunsOrWithoutSelection() {
    assertEquals(Actions.NONE, Actions.of(entry("", ""), null, true));
    assertEquals(Actions.NONE, Actions.of(null, null, false));
  }

  @Test
  void detailsOfAnotherBundleDoNotEnableRollBack() {
    Details other = new Details("org.other", "O", "", "", "module", "", "", "", List.of(), "main", false, List.of(),
        "1.0.0", "0.9.0", "");
    assertEquals(false, Actions.of(entry("1.0.0", ""), other, false).rollback());
  }
}
