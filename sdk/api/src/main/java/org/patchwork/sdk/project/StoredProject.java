package org.patchwork.sdk.project;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A project manifest as stored, with the revision to pass back when saving over it.
 *
 * @param id the project's id in its repository
 * @param manifest the manifest bytes ({@code project.json})
 * @param revision opaque revision token (an ETag, a hash)
 */
@ProviderType
public record StoredProject(String id, byte[] manifest, String revision) {
}
