package org.patchwork.project;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An instrument preset: a module's parameters and state under a name. Shared as a
 * {@code .pwpreset} with a short preview; see {@link Presets}.
 *
 * @param name what the user sees
 * @param module the module id
 * @param params parameter values by id
 * @param state base64 of the module's saved state, or null
 */
@ProviderType
public record Preset(
    @Field(doc = "The preset's name.", pattern = "\\S") String name,
    @Field(doc = "The module id.", pattern = "\\S") String module,
    @Field(doc = "Parameter values by parameter id.", optional = true) Map<String, Double> params,
    @Field(doc = "Base64 of the module's saved state.", optional = true,
        pattern = "^[A-Za-z0-9+/]*={0,2}$") String state) {

  /** Copies the parameters, keeping their order. */
  public Preset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(module, "module");
    params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }
}
