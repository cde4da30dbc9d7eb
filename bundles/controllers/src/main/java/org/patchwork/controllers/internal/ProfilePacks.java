package org.patchwork.controllers.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;
import org.patchwork.controllers.ControllerService;

/**
 * The profile packs installed: every bundle whose manifest has a
 * {@code Patchwork-Controller-Profiles} header (the folder inside the bundle that holds the
 * profiles, e.g. {@code controller-profiles}) contributes the {@code *.json} files in that
 * folder. The files are read as data through {@link Bundle#findEntries}: no class of a pack is
 * ever loaded, so installing a pack cannot run anything. A profile that breaks a rule is
 * reported and left out; the rest of its pack is used. A pack installed later replaces a
 * profile of the same id.
 */
final class ProfilePacks extends BundleTracker<List<Profile>> {

  static final String HEADER = "Patchwork-Controller-Profiles";
  /** The profiles this bundle ships, for use without OSGi. */
  static final List<String> BUILT_IN = List.of("akai-apc-mini.json", "novation-launchpad-mini-mk3.json",
      "korg-nanokontrol2.json");

  private final Consumer<String> warn;
  private final Map<Long, List<Profile>> byBundle = new ConcurrentHashMap<>();

  ProfilePacks(BundleContext context, Consumer<String> warn) {
    super(context, Bundle.STARTING | Bundle.ACTIVE | Bundle.RESOLVED, null);
    this.warn = warn;
  }

  /** Every profile, later packs first (so that they win a match). */
  List<Profile> profiles() {
    List<Profile> out = new ArrayList<>();
    winning((bundle, p) -> out.add(p));
    return out;
  }

  /** Every profile as {@link #profiles()} orders them, with the pack it came from. */
  List<ControllerService.ProfileInfo> infos() {
    List<ControllerService.ProfileInfo> out = new ArrayList<>();
    winning((bundle, p) -> {
      Bundle b = context.getBundle(bundle);
      String pack = b == null ? "bundle " + bundle : b.getSymbolicName();
      out.add(new ControllerService.ProfileInfo(p.id(), p.name(), p.vendor(), pack));
    });
    return out;
  }

  /** Hands each profile that wins its id, later packs first, with its bundle's id. */
  private void winning(java.util.function.BiConsumer<Long, Profile> each) {
    List<Long> ids = new ArrayList<>(byBundle.keySet());
    ids.sort(Collections.reverseOrder());
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Long id : ids) {
      for (Profile p : byBundle.getOrDefault(id, List.of())) {
        if (seen.add(p.id())) {
          each.accept(id, p);
        }
      }
    }
  }

  @Override
  public List<Profile> addingBundle(Bundle bundle, BundleEvent event) {
    String folder = bundle.getHeaders("").get(HEADER);
    if (folder == null) {
      return null;
    }
    List<Profile> profiles = new ArrayList<>();
    Enumeration<URL> entries = bundle.findEntries(folder.strip(), "*.json", false);
    while (entries != null && entries.hasMoreElements()) {
      URL url = entries.nextElement();
      String source = bundle.getSymbolicName() + "/" + url.getPath();
      try (InputStream in = url.openStream()) {
        profiles.add(ProfileReader.read(source, in.readNBytes(ProfileReader.MAX_BYTES + 1)));
      } catch (IOException | IllegalArgumentException e) {
        warn.accept("controller profile left out: " + e.getMessage());
      }
    }
    byBundle.put(bundle.getBundleId(), List.copyOf(profiles));
    return profiles;
  }

  @Override
  public void removedBundle(Bundle bundle, BundleEvent event, List<Profile> profiles) {
    byBundle.remove(bundle.getBundleId());
  }

  /** The built-in profiles from the class path (tests and tools without a framework). */
  static List<Profile> builtIn() {
    List<Profile> out = new ArrayList<>();
    for (String name : BUILT_IN) {
      try (InputStream in = ProfilePacks.class.getResourceAsStream("/controller-profiles/" + name)) {
        if (in == null) {
          throw new IllegalStateException("built-in profile missing: " + name);
        }
        out.add(ProfileReader.read(name, in.readAllBytes()));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }
}
