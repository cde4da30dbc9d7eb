/**
 * What workbench panels build on: the {@link org.patchwork.ui.shell.Workbench} service (project
 * state as immutable snapshots, edits as commands, transport, telemetry and audio taps), the
 * {@link org.patchwork.ui.shell.Edit} commands and their {@link org.patchwork.ui.shell.EditJournal},
 * the shared dark {@link org.patchwork.ui.shell.Theme}, and
 * {@link org.patchwork.ui.shell.PanelShortcuts} for a panel to list its keys in the help panel.
 */
@Export
@Version("1.1.0")
package org.patchwork.ui.shell;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
