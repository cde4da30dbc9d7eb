package org.patchwork.sdk.control;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A parameter of a module instance in the open project.
 *
 * @param instanceId the module instance's id in the project
 * @param parameterId the parameter's stable id in the module's descriptor
 */
@ProviderType
public record ParameterTarget(String instanceId, String parameterId) {
}
