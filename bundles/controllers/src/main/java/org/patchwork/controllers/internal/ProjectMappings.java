package org.patchwork.controllers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.patchwork.controllers.ControllerService;
import org.patchwork.playback.LivePlayback;
import org.patchwork.playback.LiveRun;

/**
 * The project's {@code controllers} section (learned mappings with their takeover modes, profile
 * choices): read when a live run of the project starts, written by {@code pw:controllers save}.
 *
 * <p>Where: a {@code controllers} object in {@code project.json} is read when present (project
 * format 2 reserves the name); it is written beside the project file, as
 * {@code controllers.json} next to {@code project.json} (or {@code NAME.controllers.json} next
 * to {@code NAME.json}), because the project store's reader refuses fields of
 * {@code project.json} its model does not have, and it does not have this one yet. A project
 * with neither keeps the mappings in force (the user defaults).
 */
@Component(service = ProjectMappings.class)
public final class ProjectMappings implements LivePlayback.Listener {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final LivePlayback playback;
  private final ControllerService controllers;
  private final Consumer<String> warn;

  @Activate
  public ProjectMappings(@Reference LivePlayback playback, @Reference ControllerService controllers,
      @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL) Logger log) {
    this(playback, controllers, m -> {
      if (log != null) {
        log.warn(m);
      } else {
        System.err.println("patchwork controllers: " + m);
      }
    });
  }

  /** Without OSGi (tests). */
  public ProjectMappings(LivePlayback playback, ControllerService controllers, Consumer<String> warn) {
    this.playback = playback;
    this.controllers = controllers;
    this.warn = warn;
    playback.addListener(this);
  }

  @Deactivate
  void deactivate() {
    playback.removeListener(this);
  }

  /** The file the section of {@code project} (a project.json or NAME.json) is written to. */
  public static Path sidecar(Path project) {
    String name = project.getFileName().toString();
    String base = name.equals("project.json") ? "" : (name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".";
    return project.toAbsolutePath().resolveSibling(base + "controllers.json");
  }

  @Override
  public void started(LiveRun run) {
    try {
      load(run.project());
    } catch (IOException | IllegalArgumentException e) {
      warn.accept("the controllers section of " + run.project() + " was not loaded: " + e.getMessage());
    }
  }

  /**
   * Loads the section of {@code project} into the controllers, if it has one.
   *
   * @return where it was read from, or null when the project has none
   * @throws IllegalArgumentException naming the file, the JSON path and the rule; nothing changes
   */
  public Path load(Path project) throws IOException {
    JsonNode inProject = JSON.readTree(project.toFile()).get("controllers");
    if (inProject != null) {
      controllers.loadProjectSection(inProject);
      return project;
    }
    Path side = sidecar(project);
    if (!Files.isRegularFile(side)) {
      return null;
    }
    JsonNode section;
    try {
      section = JSON.readTree(side.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(side + ": not JSON: " + e.getMessage());
    }
    try {
      controllers.loadProjectSection(section);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(side + ": " + e.getMessage());
    }
    return side;
  }

  /** Writes the mappings in force as {@code project}'s section (atomically). @return the file written */
  public Path save(Path project) throws IOException {
    Path side = sidecar(project);
    Path temp = Files.createTempFile(side.getParent(), ".controllers", ".tmp");
    Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(controllers.projectSection()) + "\n");
    Files.move(temp, side, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return side;
  }

  /** The project {@code pw:controllers save} writes for without an argument, or null. */
  public Path heldProject() {
    return playback.project();
  }
}
