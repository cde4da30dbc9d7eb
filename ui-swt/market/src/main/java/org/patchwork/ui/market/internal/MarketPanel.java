package org.patchwork.ui.market.internal;

import java.util.List;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.patchwork.marketplace.Marketplace;
import org.patchwork.sdk.ui.UiPanel;
import org.patchwork.ui.shell.PanelShortcuts;
import org.patchwork.ui.shell.Workbench;

/**
 * The marketplace panel service, in the main area beside the patch editor: it needs the width
 * for a result list and a bundle's details side by side, and it is visited, not watched.
 *
 * <p>The {@link Marketplace} reference is mandatory and static: without the marketplace bundle
 * the panel has nothing to show, so it does not appear; when the marketplace bundle is updated
 * the panel's service goes and comes back, and the shell rebuilds it in the same tab (its hot
 * swap of panels with the same id). That keeps this class final with final fields, with no
 * "marketplace gone" state to draw and test.
 */
@Component(service = UiPanel.class)
public final class MarketPanel implements UiPanel, PanelShortcuts {

  /** The panel's id. */
  public static final String ID = "org.patchwork.ui.market";

  private final Workbench workbench;
  private final Marketplace market;

  @Activate
  public MarketPanel(@Reference Workbench workbench, @Reference Marketplace market) {
    this.workbench = workbench;
    this.market = market;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Marketplace";
  }

  @Override
  public Placement placement() {
    return Placement.CENTER;
  }

  @Override
  public Control create(Composite parent) {
    return new MarketView(parent, workbench, market).control();
  }

  @Override
  public List<KeyHelp> shortcuts() {
    return List.of(
        new KeyHelp("Type in the search field", "Search the cached catalogues (works offline)"),
        new KeyHelp("Down (in the search field)", "Go to the results"),
        new KeyHelp("Enter / double-click a result", "Install it, or update it when an update is offered"),
        new KeyHelp("F5", "Refresh every repository's catalogue"));
  }
}
