package org.patchwork.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.project.internal.ProjectPacker;
import org.patchwork.project.internal.ProjectUnpacker;

/**
 * A project as one file to share: a zip of {@code project.json}, the assets it uses and a
 * {@code manifest.json} listing every entry's size and SHA-256.
 *
 * <pre>{@code
 * Packs.pack(Path.of("songs/beat"), Path.of("beat.pwpack"), p -> {});
 * Packs.unpack(Path.of("beat.pwpack"), Path.of("inbox/beat"), PackLimits.DEFAULT, p -> {});
 * }</pre>
 *
 * <p>Unpacking trusts nothing: it refuses entries that could land outside the target (absolute
 * paths, {@code ..}, drive letters, backslashes, symbolic links), duplicates, unlisted or
 * mislisted entries, archives over the {@link PackLimits} (counting bytes as they inflate),
 * bad checksums and invalid projects; it unpacks into a temporary folder beside the target and
 * renames it into place only when all is well, so a refusal leaves nothing behind.
 */
@ProviderType
public final class Packs {

  /** The file name extension of project packs. */
  public static final String EXTENSION = ".pwpack";

  private Packs() {
  }

  /**
   * Packs the project in {@code projectDir} into {@code out} (replaced atomically if it exists).
   *
   * @param progress hears the fraction done, 0..1
   * @throws ProjectFormatException if the project is not valid (nothing is written then)
   */
  public static void pack(Path projectDir, Path out, DoubleConsumer progress) throws IOException {
    ProjectPacker.pack(projectDir, out, progress);
  }

  /**
   * Unpacks {@code pack} into the folder {@code into}, which must not exist or be empty.
   *
   * @throws ProjectFormatException naming the pack and what is wrong; nothing is left behind
   */
  public static void unpack(Path pack, Path into, PackLimits limits, DoubleConsumer progress) throws IOException {
    ProjectUnpacker.unpack(pack, into, limits, progress);
  }
}
