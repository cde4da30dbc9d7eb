package org.patchwork.engine;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a finished render produced.
 *
 * @param file the WAV file written
 * @param frames frames per channel in the file
 * @param sampleRate frames per second
 * @param peak the largest absolute sample before conversion (above 1 means the file clipped)
 * @param faults modules bypassed during the render (0 in a healthy project)
 */
@ProviderType
public record RenderResult(Path file, long frames, double sampleRate, double peak, long faults) {
}
