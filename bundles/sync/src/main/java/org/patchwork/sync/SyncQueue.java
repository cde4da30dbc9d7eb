package org.patchwork.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sdk.project.StaleRevisionException;
import org.patchwork.sync.internal.LocalProject;

/**
 * Pushes waiting for their remote, kept in {@code $PATCHWORK_HOME/sync/queue.json} so they
 * survive restarts. One entry per project and remote (a later change to the same project rides
 * along: the push sends the project as it is then). A failed attempt is retried after an
 * exponentially growing delay with jitter: {@code d = min(cap, base · 2^(attempts-1))}, waiting
 * a random time in {@code [d/2, d]}, so clients that lost the same server do not all return at
 * once.
 *
 * <pre>{@code
 * queue.add(projectDir, "studio", "connection refused");
 * queue.runDue(name -> Connectors.open(remotes.get(name)), SyncListener.NONE);
 * }</pre>
 *
 * <p>Thread: any; every change is a locked read-modify-write of the file, so several processes
 * (the workstation and a command line) may share it.
 */
@ProviderType
public final class SyncQueue {

  /** One waiting push. */
  public record Entry(Path project, String remote, int attempts, Instant queued, Instant next, String lastError) {
  }

  /** Opens a remote by name for {@link #runDue}. */
  @FunctionalInterface
  public interface Opener {
    RemoteStore open(String remote) throws IOException;
  }

  /** The outcome of one attempt of {@link #runDue}. */
  public record Attempt(Entry entry, SyncResult result, IOException error) {
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;
  private final Clock clock;
  private final RandomGenerator random;
  private final Duration base;
  private final Duration cap;

  /** A queue with retries from 2 s up to 10 min. */
  public SyncQueue(Path home) {
    this(home, Clock.systemUTC(), RandomGenerator.getDefault(), Duration.ofSeconds(2), Duration.ofMinutes(10));
  }

  public SyncQueue(Path home, Clock clock, RandomGenerator random, Duration base, Duration cap) {
    this.file = home.resolve("sync").resolve("queue.json");
    this.clock = clock;
    this.random = random;
    this.base = base;
    this.cap = cap;
  }

  /** The delay before attempt {@code attempts + 1}, drawn in {@code [d/2, d]}. */
  public Duration backoff(int attempts) {
    long d = Math.min(cap.toMillis(), base.toMillis() << Math.min(Math.max(attempts - 1, 0), 30));
    return Duration.ofMillis(d / 2 + random.nextLong(d / 2 + 1));
  }

  /** Queues a push (or keeps the one already queued for this project and remote). */
  public Entry add(Path project, String remote, String error) throws IOException {
    Path dir = project.toAbsolutePath().normalize();
    return update(entries -> {
      for (int i = 0; i < entries.size(); i++) {
        Entry e = entries.get(i);
        if (e.project().equals(dir) && e.remote().equals(remote)) {
          return e;
        }
      }
      Instant now = clock.instant();
      Entry e = new Entry(dir, remote, 0, now, now.plus(backoff(1)), error);
      entries.add(e);
      return e;
    });
  }

  /** Everything queued, oldest first. */
  public List<Entry> all() throws IOException {
    return update(entries -> null, true);
  }

  /**
   * Runs every entry whose time has come: a success or a conflict-free merge removes it, a
   * failure schedules the next attempt. Returns what each attempt did.
   */
  public List<Attempt> runDue(Opener opener, SyncListener listener) throws IOException {
    List<Attempt> out = new ArrayList<>();
    Instant now = clock.instant();
    for (Entry e : all()) {
      if (e.next().isAfter(now)) {
        continue;
      }
      try (RemoteStore store = opener.open(e.remote())) {
        SyncResult r = new SyncEngine(store, e.remote(), clock).sync(e.project(), SyncEngine.Mode.PUSH, listener);
        remove(e);
        out.add(new Attempt(e, r, null));
      } catch (NoSuchFileException | IllegalArgumentException gone) {
        remove(e); // the project or the remote was removed: nothing left to push
        out.add(new Attempt(e, null, new IOException(gone.getMessage(), gone)));
      } catch (IOException failed) {
        if (failed instanceof StaleRevisionException) {
          throw failed; // the engine retries those itself; seeing one here is a bug
        }
        out.add(new Attempt(failed(e, failed.getMessage()), null, failed));
      }
    }
    return out;
  }

  private Entry failed(Entry e, String error) throws IOException {
    return update(entries -> {
      for (int i = 0; i < entries.size(); i++) {
        Entry x = entries.get(i);
        if (x.project().equals(e.project()) && x.remote().equals(e.remote())) {
          int n = x.attempts() + 1;
          Entry next = new Entry(x.project(), x.remote(), n, x.queued(), clock.instant().plus(backoff(n + 1)), error);
          entries.set(i, next);
          return next;
        }
      }
      return e;
    });
  }

  /** Removes the entry for this project and remote, if any. */
  public void remove(Entry e) throws IOException {
    update(entries -> {
      entries.removeIf(x -> x.project().equals(e.project()) && x.remote().equals(e.remote()));
      return null;
    });
  }

  private interface Change<T> {
    T apply(List<Entry> entries);
  }

  private <T> T update(Change<T> change) throws IOException {
    return update(change, false);
  }

  private synchronized <T> T update(Change<T> change, boolean readOnly) throws IOException {
    Files.createDirectories(file.getParent());
    try (FileChannel lockFile = FileChannel.open(file.resolveSibling("queue.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
      List<Entry> entries = read();
      T result = change.apply(entries);
      if (readOnly) {
        @SuppressWarnings("unchecked")
        T all = (T) List.copyOf(entries);
        return all;
      }
      write(entries);
      return result;
    }
  }

  private List<Entry> read() throws IOException {
    List<Entry> out = new ArrayList<>();
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return out;
    } catch (IOException e) {
      throw new IOException(file + ": not valid JSON (" + e.getMessage() + "); move it away to start an empty queue");
    }
    for (JsonNode n : root.path("entries")) {
      out.add(new Entry(Path.of(n.path("project").asText()), n.path("remote").asText(), n.path("attempts").asInt(),
          Instant.parse(n.path("queued").asText()), Instant.parse(n.path("next").asText()),
          n.path("lastError").isNull() ? null : n.path("lastError").asText()));
    }
    return out;
  }

  private void write(List<Entry> entries) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", 1);
    ArrayNode a = root.putArray("entries");
    for (Entry e : entries) {
      ObjectNode n = a.addObject();
      n.put("project", e.project().toString());
      n.put("remote", e.remote());
      n.put("attempts", e.attempts());
      n.put("queued", e.queued().toString());
      n.put("next", e.next().toString());
      n.put("lastError", e.lastError());
    }
    LocalProject.writeAtomically(file, JSON.writeValueAsBytes(root));
  }
}
