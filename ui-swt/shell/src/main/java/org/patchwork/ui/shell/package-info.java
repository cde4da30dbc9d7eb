/**
 * What workbench panels build on: the {@link org.patchwork.ui.shell.Workbench} service (project
 * state as immutable snapshots, edits as commands, transport, telemetry and audio taps), the
 * {@link org.patchwork.ui.shell.Edit} commands and their {@link org.patchwork.ui.shell.EditJournal},
 * and the shared dark {@link org.patchwork.ui.shell.Theme}.
 */
@Export
@Version("1.0.0")
package org.patchwork.ui.shell;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
