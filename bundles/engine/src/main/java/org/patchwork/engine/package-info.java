/**
 * The audio engine's API: the graph model, compiled plans, the real-time {@link
 * org.patchwork.engine.Engine}, the offline renderer, the project loader and helpers for module
 * authors such as {@link org.patchwork.engine.VoiceAllocator}. A playing {@link
 * org.patchwork.engine.Session} follows its modules' bundles as they are updated or removed (see
 * {@link org.patchwork.engine.Lifecycle}, docs/bundle-lifecycle.md).
 *
 * <pre>{@code
 * Project project = ProjectLoader.load(Path.of("song.json"), registry);
 * new OfflineRenderer(registry).render(project,
 *     new RenderSettings(48_000, 256, 0, WavFormat.PCM_24), Path.of("song.wav"), f -> bar.set(f));
 * }</pre>
 */
@Export
@Version("1.3.0")
package org.patchwork.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
