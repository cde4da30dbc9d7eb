package org.patchwork.sdk.project;

import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One line of a repository listing.
 *
 * @param id the project's id
 * @param revision its current revision
 * @param modified when it was last saved
 * @param size manifest size in bytes
 */
@ProviderType
public record ProjectSummary(String id, String revision, Instant modified, long size) {
}
