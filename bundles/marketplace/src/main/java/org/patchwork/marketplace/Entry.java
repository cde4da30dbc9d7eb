package org.patchwork.marketplace;

import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A bundle a repository offers, as a search lists it.
 *
 * @param id the bundle symbolic name
 * @param name its name for people
 * @param summary one sentence
 * @param kind module, panel, library, storage, controller or bundle
 * @param latest the newest version offered
 * @param repository the repository's name
 * @param tags search words
 * @param installed the version the marketplace installed, or "" if none
 * @param update a newer version offered than the installed one, or ""
 * @param expired whether the repository's cached catalogue has expired (refresh before installing)
 */
@ProviderType
public record Entry(String id, String name, String summary, String kind, String latest, String repository,
    List<String> tags, String installed, String update, boolean expired) {

  /** Checks for null; copies the tags. */
  public Entry {
    Objects.requireNonNull(id, "id");
    tags = tags == null ? List.of() : List.copyOf(tags);
    installed = installed == null ? "" : installed;
    update = update == null ? "" : update;
  }

  /** Whether the marketplace installed this bundle. */
  public boolean isInstalled() {
    return !installed.isEmpty();
  }

  /** Whether a newer version than the installed one is offered. */
  public boolean hasUpdate() {
    return !update.isEmpty();
  }
}
