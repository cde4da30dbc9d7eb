/**
 * Custom-drawn controls shared by the panels: {@link org.patchwork.ui.shell.widgets.Fader},
 * {@link org.patchwork.ui.shell.widgets.Knob} and {@link org.patchwork.ui.shell.widgets.LevelMeter},
 * with {@link org.patchwork.ui.shell.widgets.ValueScale} mapping positions to values. They take
 * their colours from the {@link org.patchwork.ui.shell.Theme} and their sizes from the font, so
 * they look the same at any scale.
 */
@Export
@Version("1.0.0")
package org.patchwork.ui.shell.widgets;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
