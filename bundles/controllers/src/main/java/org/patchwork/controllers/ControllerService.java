package org.patchwork.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sdk.control.ControllerMapper;
import org.patchwork.sdk.control.Mapping;
import org.patchwork.sdk.control.ParameterTarget;

/**
 * The SDK's {@link ControllerMapper} with what Patchwork adds: learn with a chosen encoder mode
 * and takeover, persistence (the project's {@code controllers} section, user defaults in
 * {@code $PATCHWORK_HOME/controllers/mappings.json}), profile choices and the devices with their
 * profiles.
 *
 * <pre>{@code
 * controllers.learn(new ParameterTarget("lead", "cutoff"), Mapping.Mode.RELATIVE_TWOS_COMPLEMENT, Mapping.Takeover.JUMP);
 * // the user turns an encoder: it is bound
 * JsonNode section = controllers.projectSection();   // saved with the project
 * }</pre>
 *
 * <p>Thread: any.
 */
@ProviderType
public interface ControllerService extends ControllerMapper {

  /** Arms learn mode for {@code target}; the binding made will read values as {@code mode}. */
  void learn(ParameterTarget target, Mapping.Mode mode, Mapping.Takeover takeover);

  /** The parameter waiting for a control, if learn mode is armed. */
  Optional<ParameterTarget> learning();

  /** Replaces every binding (a project was opened). */
  void replaceMappings(List<Mapping> mappings);

  /** The bindings as the project's {@code controllers} section (docs/controller-profiles.md). */
  JsonNode projectSection();

  /**
   * Replaces the bindings with a project's {@code controllers} section.
   *
   * @throws IllegalArgumentException naming the JSON path and rule when the section is not
   *     valid; nothing changes then
   */
  void loadProjectSection(JsonNode section);

  /**
   * Makes input port {@code port} use profile {@code profileId} whatever its name or identity
   * matches; null or empty goes back to matching. Kept in the project section and the user
   * defaults.
   *
   * @throws IllegalArgumentException if no installed profile has that id
   */
  void chooseProfile(String port, String profileId);

  /** The input devices present, with the profile each matched and its state. */
  List<Device> devices();

  /**
   * Every controller profile installed, the one that wins a match first: the built-in ones and
   * those of the profile packs installed (from the marketplace or the deploy folder).
   */
  List<ProfileInfo> profiles();

  /**
   * An installed profile.
   *
   * @param id the profile's id
   * @param name its name
   * @param vendor the device's maker
   * @param pack the symbolic name of the bundle it came from
   */
  @ProviderType
  record ProfileInfo(String id, String name, String vendor, String pack) {
  }

  /**
   * An input port and what was made of it.
   *
   * @param port the input port's id
   * @param name the port's name
   * @param output the port feedback goes to, or empty
   * @param profile the matched profile's id, or empty
   * @param profileName its name, or empty
   * @param bindings the profile's bindings that are active for this device
   */
  @ProviderType
  record Device(String port, String name, String output, String profile, String profileName, List<String> bindings) {
  }
}
