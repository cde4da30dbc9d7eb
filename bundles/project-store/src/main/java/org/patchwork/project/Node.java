package org.patchwork.project;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A module instance.
 *
 * @param id unique among the project's nodes
 * @param module the module id, e.g. {@code org.patchwork.dsp.subtractive}
 * @param params parameter values by parameter id
 * @param state base64 of the module's saved state, or null
 */
@ProviderType
public record Node(
    @Field(doc = "Unique node id.", pattern = "\\S") String id,
    @Field(doc = "The module id, as listed by 'patchwork modules'.", pattern = "\\S") String module,
    @Field(doc = "Parameter values by parameter id.", optional = true) Map<String, Double> params,
    @Field(doc = "Base64 of the module's saved state.", optional = true,
        pattern = "^[A-Za-z0-9+/]*={0,2}$") String state) {

  /** Copies the parameters, keeping their order. */
  public Node {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(module, "module");
    params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }
}
