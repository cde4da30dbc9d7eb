/**
 * Projects on disk: the folder format ({@code project.json} plus content-addressed
 * {@code assets/}), its model, schema and migrations, crash-safe saving, autosave and recovery,
 * audio import, packs and presets.
 */
@Export
@Version("1.0.0")
package org.patchwork.project;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
