/**
 * Projects in an S3 bucket (AWS or any S3-compatible store): {@link S3Repository} is the SDK's
 * {@code ProjectRepository} over a bucket and key prefix described by {@link S3Settings}.
 */
@Export
@Version("1.0.0")
package org.patchwork.storage.s3;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
