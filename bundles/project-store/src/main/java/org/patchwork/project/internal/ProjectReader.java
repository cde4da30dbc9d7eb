package org.patchwork.project.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.patchwork.project.ProjectFormat;
import org.patchwork.project.ProjectModel;

/** Reads {@code project.json}: parse, migrate in memory, validate, bind, check references. */
public final class ProjectReader {

  private ProjectReader() {
  }

  /** See {@link ProjectFormat#read}. */
  public static ProjectFormat.Parsed read(String source, byte[] json) {
    ObjectNode root = Json.readObject(source, json, "a project");
    int found = Migrations.version(source, root);
    List<String> steps = Migrations.upgrade(source, root);
    SchemaCheck.check(source, root);
    ProjectModel model = new ModelCodec(source).readRecord(root, ProjectModel.class, "$", "formatVersion");
    new References(source).check(model);
    return new ProjectFormat.Parsed(model, found, steps);
  }
}
