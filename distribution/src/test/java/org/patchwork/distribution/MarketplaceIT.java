package org.patchwork.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The marketplace end to end against a real HTTP server on loopback: the test publishes sites
 * with {@code bin/patchwork repo publish}, serves them with the JDK's HTTP server, and drives a
 * running headless host with {@code pw:market}. A module with a library dependency and a
 * panel-like bundle are installed without restart, the module is listed and heard, updated,
 * rolled back and started again with the next host. Every refusal (changed byte, wrong
 * signature, unknown key, expired catalogue, replayed older catalogue, downgrade, missing
 * dependency, zip bomb) prints its reason and leaves nothing installed.
 */
class MarketplaceIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String GAIN = "org.patchwork.example-gain";
  private static final String GAIN_MODULE = "org.patchwork.examples.gain";
  private static final String LIB = "org.example.shapers";
  private static final String PANEL = "org.example.meter-panel";

  @TempDir
  Path work;

  private HttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** Serves {@code www} on a loopback port; returns the base URL. */
  private String serve(Path www) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", SimpleFileServer.createFileHandler(www.toAbsolutePath()));
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private Path keys(String name) throws Exception {
    Path dir = work.resolve(name);
    HostProcess.Result r = HostProcess.run(work.resolve("publisher-home"), "repo", "keygen", "--out", dir.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("key ed25519:"), r.out());
    return dir;
  }

  private HostProcess.Result publish(Path keys, Path site, String... extraAndJars) throws Exception {
    List<String> args = new ArrayList<>(List.of("repo", "publish", "--key", keys.resolve("private.key").toString(),
        "--out", site.toString()));
    args.addAll(List.of(extraAndJars));
    return HostProcess.run(work.resolve("publisher-home"), args.toArray(String[]::new));
  }

  private void published(Path keys, Path site, String... extraAndJars) throws Exception {
    HostProcess.Result r = publish(keys, site, extraAndJars);
    assertEquals(0, r.status(), "publish: " + r.out() + r.err());
  }

  /** The library the module needs: exports one package, version 1.0.0. */
  private Path library() throws IOException {
    Path jar = work.resolve("jars/lib.jar");
    Files.createDirectories(jar.getParent());
    Jars.manifestOnly(jar, Map.of("Bundle-SymbolicName", LIB, "Bundle-Version", "1.0.0",
        "Export-Package", LIB + ";version=\"1.0.0\"", "Bundle-Description", "Wave shaping curves for modules."));
    return jar;
  }

  /** The example gain module at {@code version}, made to import the library. */
  private Path gain(String version) throws IOException {
    Path jar = work.resolve("jars/gain-" + version + ".jar");
    Files.createDirectories(jar.getParent());
    Jars.withHeaders(HostProcess.exampleJar("gain"), jar, Map.of("Bundle-Version", version,
        "Import-Package", "java.lang,java.util,org.patchwork.sdk.module;version=\"[1.0,2)\","
            + LIB + ";version=\"[1.0,2)\""));
    return jar;
  }

  private Path plain(String bsn, Map<String, String> more) throws IOException {
    Path jar = work.resolve("jars/" + bsn + ".jar");
    Files.createDirectories(jar.getParent());
    Map<String, String> headers = new java.util.HashMap<>(Map.of("Bundle-SymbolicName", bsn, "Bundle-Version", "1.0.0"));
    headers.putAll(more);
    Jars.manifestOnly(jar, headers);
    return jar;
  }

  @Test
  void installUpdateRollBackAndStartWithTheNextHost() throws Exception {
    Path keys = keys("keys");
    Path www = work.resolve("www");
    Path site = www.resolve("site");
    Path panel = plain(PANEL, Map.of("Import-Package", LIB + ";version=\"[1.0,2)\"", "Patchwork-Kind", "panel",
        "Bundle-Description", "A level meter panel (no SWT in this test)."));
    published(keys, site, library().toString(), gain("1.0.0").toString(), panel.toString());
    String url = serve(www) + "site/";
    Path home = work.resolve("home");

    try (Session s = new Session(HostProcess.start(home, "headless"))) {
      assertTrue(s.run("pw:market add-repo " + url + " --key " + keys.resolve("public.key"))
          .contains("added repository"), s.transcript());
      String installed = s.run("pw:market install " + GAIN + " " + PANEL);
      assertTrue(installed.contains("+ " + LIB + " 1.0.0 (library, dependency"), installed);
      assertTrue(installed.contains("installed " + GAIN + " 1.0.0"), installed);
      assertTrue(installed.contains("installed " + PANEL + " 1.0.0"), installed);
      assertTrue(s.run("pw:modules").contains(GAIN_MODULE), "the module is offered by the running host");

      Path wav = work.resolve("gain.wav");
      assertTrue(s.run("pw:audition " + GAIN_MODULE + " --out " + wav).contains("auditioned " + GAIN_MODULE),
          s.transcript());
      double peak = peak(wav);
      assertTrue(peak > 0.05, "the installed module passes the audition burst through, peak " + peak);

      published(keys, site, gain("1.1.0").toString());
      s.run("pw:market refresh");
      assertTrue(s.run("pw:market list").matches("(?s).*" + Pattern.quote(GAIN) + "\\s+1\\.0\\.0\\s+ACTIVE.*1\\.1\\.0.*"),
          "list offers the update: " + s.transcript());
      assertTrue(s.run("pw:market-update").contains("updated " + GAIN + " 1.1.0"), s.transcript());
      assertTrue(s.run("pw:bundles").matches("(?s).*ACTIVE\\s+" + Pattern.quote(GAIN) + "\\s+1\\.1\\.0.*"), s.transcript());
      assertTrue(s.run("pw:modules").contains(GAIN_MODULE), "still offered after the update");

      s.runExpectingError("pw:market install " + GAIN + "@1.0.0", "would downgrade it from 1.1.0");
      assertTrue(s.run("pw:bundles").contains("1.1.0"), "the refused downgrade changed nothing");
      s.runExpectingError("pw:market remove " + LIB, "is needed by " + PANEL + " (package " + LIB
          + " version 1.0.0 up to 2.0.0), " + GAIN);

      assertTrue(s.run("pw:market rollback " + GAIN).contains("rolled back " + GAIN + " from 1.1.0 to 1.0.0"),
          s.transcript());
      assertTrue(s.run("pw:bundles").matches("(?s).*ACTIVE\\s+" + Pattern.quote(GAIN) + "\\s+1\\.0\\.0.*"), s.transcript());

      // A newer version signed by another publisher key, even one the user trusts, is refused:
      // the id stays pinned to the key of its first install.
      Path other = keys("other");
      published(keys, site, "--publisher-key", other.resolve("private.key").toString(), gain("1.2.0").toString());
      assertTrue(s.run("pw:market trust " + other.resolve("public.key")).contains("trusting publisher key"));
      s.runExpectingError("pw:market update " + GAIN, "was first installed from key");
      assertTrue(s.run("pw:bundles").matches("(?s).*ACTIVE\\s+" + Pattern.quote(GAIN) + "\\s+1\\.0\\.0.*"), s.transcript());
      s.exit();
    }

    HostProcess.Result modules = HostProcess.run(home, "modules");
    assertEquals(0, modules.status(), modules.err());
    assertTrue(modules.out().contains(GAIN_MODULE), "installed bundles start with the next host: " + modules.out());
    server.stop(0);
    server = null;
    HostProcess.Result search = HostProcess.run(home, "market", "search", "gain");
    assertEquals(0, search.status(), search.err());
    assertTrue(search.out().contains(GAIN), "the cached catalogue is browsable offline: " + search.out());
    HostProcess.Result list = HostProcess.run(home, "market", "list");
    assertTrue(list.out().matches("(?s).*" + Pattern.quote(GAIN) + "\\s+1\\.0\\.0\\s+ACTIVE.*"), list.out());
  }

  @Test
  void everyRefusalNamesItsReasonAndInstallsNothing() throws Exception {
    Path keys = keys("keys");
    Path other = keys("other");
    Path www = work.resolve("www");
    Path site = www.resolve("site");
    published(keys, site, library().toString(), gain("1.0.0").toString(),
        plain("org.example.tamper", Map.of()).toString(), plain("org.example.wrongsig", Map.of()).toString(),
        plain("org.example.needy", Map.of("Import-Package", "org.example.absent;version=\"[1.0,2)\"")).toString());
    published(keys, site, "--publisher-key", other.resolve("private.key").toString(),
        plain("org.example.stranger", Map.of()).toString());

    Path bomb = zipBomb(work.resolve("jars/bomb.jar"), "org.example.bomb", 300L << 20);
    HostProcess.Result refusedBomb = publish(keys, site, bomb.toString());
    assertEquals(2, refusedBomb.status(), "publish refuses a zip bomb itself: " + refusedBomb.out());
    assertTrue(refusedBomb.err().contains("zip bomb"), refusedBomb.err());
    forgeBundle(site, keys, bomb, "org.example.bomb");

    String base = serve(www);
    Path home = work.resolve("home");

    try (Session s = new Session(HostProcess.start(home, "headless"))) {
      assertTrue(s.run("pw:market add-repo " + base + "site/ --key " + keys.resolve("public.key") + " --name main")
          .contains("added repository 'main'"), s.transcript());
      // A catalogue valid for 8 s, added at once; it has expired by the time it is used.
      published(keys, www.resolve("site2"), "--valid-for", "8s", plain("org.example.fresh", Map.of()).toString());
      // Counted from when publishing returned: the catalogue's 8 s began before that.
      long shortPublished = System.nanoTime();
      assertTrue(s.run("pw:market add-repo " + base + "site2/ --key " + keys.resolve("public.key") + " --name short")
          .contains("added repository 'short'"), s.transcript());

      // A replayed older catalogue: save version N, publish N+1, let the host see it, serve N again.
      Path older = work.resolve("older");
      Path newer = work.resolve("newer");
      copyCatalogue(site, older);
      published(keys, site, plain("org.example.later", Map.of()).toString());
      copyCatalogue(site, newer);
      assertTrue(s.run("pw:market refresh").contains("'main': catalogue version"), s.transcript());
      copyCatalogue(older, site);
      s.refused("org.example.later", "is older than version");
      copyCatalogue(newer, site);

      // A byte changed after publication; a signature copied from another bundle.
      Path tampered = site.resolve("bundles/org.example.tamper-1.0.0.jar");
      byte[] bytes = Files.readAllBytes(tampered);
      bytes[bytes.length / 2] ^= 0x20;
      Files.write(tampered, bytes);
      Files.copy(site.resolve("bundles/" + LIB + "-1.0.0.jar.sig"), site.resolve("bundles/org.example.wrongsig-1.0.0.jar.sig"),
          StandardCopyOption.REPLACE_EXISTING);

      s.refused("org.example.tamper", "does not match the catalogue's");
      s.refused("org.example.wrongsig", "the publisher signature does not verify");
      s.refused("org.example.stranger", "is signed by unknown publisher key");
      s.refused("org.example.needy", "needs package org.example.absent version 1.0.0 up to 2.0.0, which no installed"
          + " bundle and no bundle in the repositories provides");
      s.refused("org.example.bomb", "(a zip bomb?)");

      long left = Duration.ofSeconds(9).toNanos() - (System.nanoTime() - shortPublished);
      if (left > 0) {
        Thread.sleep(left / 1_000_000);
      }
      s.refused("org.example.fresh", "the catalogue expired at");

      assertTrue(s.run("pw:market list").contains("no bundles installed by the marketplace"), s.transcript());
      String bundles = s.run("pw:bundles");
      assertFalse(bundles.contains("org.example."), "no refused bundle reached the framework: " + bundles);
      s.exit();
    }
  }

  /** A format 2 project whose track plays the subtractive synth through the gain module, locked. */
  private Path lockedProject(String name, String version, String sha256) throws IOException {
    Path dir = Files.createDirectories(work.resolve("projects/" + name));
    Files.writeString(dir.resolve("project.json"), """
        {"formatVersion": 2, "name": "%s", "sampleRate": 48000, "tempo": 120,
         "nodes": [{"id": "lead", "module": "org.patchwork.dsp.subtractive", "params": {}},
                   {"id": "amp", "module": "%s", "params": {}}],
         "connections": [],
         "tracks": [{"id": "lead", "chain": ["lead", "amp"], "gainDb": 0, "pan": 0}],
         "notes": [{"track": "lead", "key": 60, "velocity": 0.8, "start": 0, "length": 1}],
         "samples": [], "automation": [],
         "lockfile": [{"module": "%s", "bundle": "%s", "version": "%s", "sha256": "%s", "hashOf": "jar"}]}
        """.formatted(name, GAIN_MODULE, GAIN_MODULE, GAIN, version, sha256));
    return dir;
  }

  @Test
  void installFromTheLockfileInstallsTheExactVersionAndRefusesAnotherDigest() throws Exception {
    Path keys = keys("keys");
    Path www = work.resolve("www");
    Path site = www.resolve("site");
    published(keys, site, library().toString(), gain("1.0.0").toString());
    published(keys, site, gain("1.1.0").toString());
    String url = serve(www) + "site/";
    Path home = work.resolve("home");
    HostProcess.Result added = HostProcess.run(home, "market", "add-repo", url, "--key",
        keys.resolve("public.key").toString());
    assertEquals(0, added.status(), added.err());
    String sha = sha256(Files.readAllBytes(site.resolve("bundles/" + GAIN + "-1.0.0.jar")));

    Path locked = lockedProject("locked", "1.0.0", sha);
    Path wav = work.resolve("locked.wav");
    HostProcess.Result unplayable = HostProcess.run(home, "render", locked.toString(), "--out", wav.toString());
    assertEquals(2, unplayable.status(), "a module that is not installed: " + unplayable.out());
    assertTrue(unplayable.err().contains("unknown module id: " + GAIN_MODULE), unplayable.err());
    assertTrue(unplayable.err().contains("'patchwork market install --lockfile "), "offers the locked versions: "
        + unplayable.err());

    Path tampered = lockedProject("tampered", "1.0.0", "ab".repeat(32));
    HostProcess.Result refused = HostProcess.run(home, "market", "install", "--lockfile", tampered.toString());
    assertEquals(2, refused.status(), refused.out());
    assertTrue(refused.err().contains("module " + GAIN_MODULE + ": the lockfile wants " + GAIN + " 1.0.0 with SHA-256"
        + " abababababababab..., but repository"), refused.err());
    assertTrue(refused.err().contains("not the bundle the project was saved with; nothing was installed"),
        refused.err());
    HostProcess.Result nothing = HostProcess.run(home, "market", "list");
    assertTrue(nothing.out().contains("no bundles installed by the marketplace"), nothing.out());

    HostProcess.Result installed = HostProcess.run(home, "market", "install", "--lockfile", locked.toString());
    assertEquals(0, installed.status(), installed.err());
    assertTrue(installed.out().contains("installed " + GAIN + " 1.0.0"), "the locked version though 1.1.0 is"
        + " published: " + installed.out());
    HostProcess.Result list = HostProcess.run(home, "market", "list");
    assertTrue(list.out().matches("(?s).*" + Pattern.quote(GAIN) + "\\s+1\\.0\\.0\\s+ACTIVE.*1\\.1\\.0.*"), list.out());
    HostProcess.Result rendered = HostProcess.run(home, "render", locked.toString(), "--out", wav.toString());
    assertEquals(0, rendered.status(), rendered.err());
    double peak = peak(wav);
    assertTrue(peak > 0.01, "the project plays through the installed module, peak " + peak);
    HostProcess.Result again = HostProcess.run(home, "market", "install", "--lockfile", locked.toString());
    assertEquals(0, again.status(), again.err());
    assertTrue(again.out().contains("uses is installed"), again.out());
  }

  /**
   * A controller profile pack (data only) goes through the marketplace like any bundle: published
   * and signed, installed, its profile listed by {@code controllers} from the pack, and gone
   * again when the pack is removed.
   */
  @Test
  void aControllerProfilePackIsPublishedInstalledAndRemoved() throws Exception {
    Path keys = keys("keys");
    Path www = work.resolve("www");
    Path site = www.resolve("site");
    String profile = Files.readString(Path.of("../bundles/controllers/src/main/resources/controller-profiles/"
        + "korg-nanokontrol2.json"))
        .replace("\"id\": \"korg.nanokontrol2\"", "\"id\": \"example.studio-faders\"")
        .replace("\"name\": \"Korg nanoKONTROL2\"", "\"name\": \"Example Studio Faders\"");
    Path pack = work.resolve("jars/pack.jar");
    Files.createDirectories(pack.getParent());
    Jars.withEntries(pack, Map.of("Bundle-SymbolicName", "org.example.controllers.studio", "Bundle-Version", "1.0.0",
        "Patchwork-Controller-Profiles", "controller-profiles", "Bundle-Description", "A studio fader box."),
        Map.of("controller-profiles/studio-faders.json", profile.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    published(keys, site, pack.toString());
    assertTrue(Files.readString(site.resolve("catalogue.json")).contains("\"kind\" : \"controller\""),
        "a profile pack is listed as a controller bundle");
    String url = serve(www) + "site/";
    Path home = work.resolve("home");
    HostProcess.Result added = HostProcess.run(home, "market", "add-repo", url, "--key",
        keys.resolve("public.key").toString());
    assertEquals(0, added.status(), added.err());

    HostProcess.Result before = HostProcess.run(home, "controllers", "--json");
    assertEquals(0, before.status(), before.err());
    assertFalse(before.out().contains("example.studio-faders"), before.out());
    HostProcess.Result installed = HostProcess.run(home, "market", "install", "org.example.controllers.studio");
    assertEquals(0, installed.status(), installed.err());
    HostProcess.Result after = HostProcess.run(home, "controllers", "--json");
    assertEquals(0, after.status(), after.err());
    assertTrue(after.out().matches("(?s).*\"id\" : \"example.studio-faders\",\\s*\"name\" : \"Example Studio Faders\",.*"
        + "\"pack\" : \"org.example.controllers.studio\".*"), after.out());
    HostProcess.Result removed = HostProcess.run(home, "market", "remove", "org.example.controllers.studio");
    assertEquals(0, removed.status(), removed.err());
    HostProcess.Result gone = HostProcess.run(home, "controllers", "--json");
    assertFalse(gone.out().contains("example.studio-faders"), gone.out());
    assertTrue(gone.out().contains("korg.nanokontrol2"), "the built-in profiles stay: " + gone.out());
  }

  private static void copyCatalogue(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    for (String f : List.of("catalogue.json", "catalogue.json.sig")) {
      Files.copy(from.resolve(f), to.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The peak sample of a WAV file. */
  private static double peak(Path wav) throws IOException {
    double peak = 0;
    for (float[] channel : Wave.read(wav).samples()) {
      for (float x : channel) {
        peak = Math.max(peak, Math.abs(x));
      }
    }
    return peak;
  }

  /** A valid bundle manifest plus {@code zeros} zero bytes in one deflated entry. */
  private static Path zipBomb(Path jar, String bsn, long zeros) throws IOException {
    Files.createDirectories(jar.getParent());
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
    m.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
    m.getMainAttributes().putValue("Bundle-Version", "1.0.0");
    try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, m)) {
      out.setLevel(9);
      out.putNextEntry(new ZipEntry("data/zeros.bin"));
      byte[] block = new byte[1 << 20];
      for (long left = zeros; left > 0; left -= block.length) {
        out.write(block, 0, (int) Math.min(block.length, left));
      }
      out.closeEntry();
    }
    return jar;
  }

  /**
   * What a malicious or compromised repository could serve, since the publisher itself refuses
   * it: {@code jar} added to the site with a valid publisher signature, a catalogue entry and
   * an index resource, the catalogue re-signed with the repository key. Only the client's own
   * checks stand between it and the framework.
   */
  private static void forgeBundle(Path site, Path keys, Path jar, String bsn) throws Exception {
    PrivateKey key = privateKey(keys.resolve("private.key"));
    String fingerprint = fingerprint(keys.resolve("public.key"));
    String path = "bundles/" + bsn + "-1.0.0.jar";
    Files.copy(jar, site.resolve(path), StandardCopyOption.REPLACE_EXISTING);
    byte[] jarBytes = Files.readAllBytes(site.resolve(path));
    Files.writeString(site.resolve(path + ".sig"), signatureLine(key, fingerprint, jarBytes));
    String sha = sha256(jarBytes);

    String index = Files.readString(site.resolve("index.xml"));
    String resource = """
          <resource>
            <capability namespace="osgi.identity">
              <attribute name="osgi.identity" value="%s"/>
              <attribute name="type" value="osgi.bundle"/>
              <attribute name="version" value="1.0.0" type="Version"/>
            </capability>
            <capability namespace="osgi.content">
              <attribute name="osgi.content" value="%s"/>
              <attribute name="url" value="%s"/>
              <attribute name="size" value="%d" type="Long"/>
            </capability>
          </resource>
        """.formatted(bsn, sha.toUpperCase(java.util.Locale.ROOT), path, jarBytes.length);
    byte[] newIndex = index.replace("</repository>", resource + "</repository>").getBytes(StandardCharsets.UTF_8);
    Files.write(site.resolve("index.xml"), newIndex);

    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode catalogue = (ObjectNode) mapper.readTree(site.resolve("catalogue.json").toFile());
    catalogue.put("version", catalogue.get("version").asLong() + 1);
    ((ObjectNode) catalogue.get("index")).put("size", newIndex.length).put("sha256", sha256(newIndex));
    ObjectNode entry = ((ArrayNode) catalogue.get("bundles")).addObject();
    entry.put("id", bsn).put("name", "Totally normal bundle").put("summary", "").put("description", "")
        .put("kind", "library").put("author", "").put("licence", "").put("homepage", "");
    entry.putArray("tags");
    entry.putArray("screenshots");
    ObjectNode release = entry.putArray("versions").addObject();
    release.put("version", "1.0.0").put("path", path).put("size", jarBytes.length).put("sha256", sha)
        .put("signature", path + ".sig").put("publisherKey", fingerprint).put("minimumHostVersion", "0.1.0")
        .put("published", "2026-01-01T00:00:00Z");
    release.putArray("modules");
    byte[] catalogueBytes = mapper.writeValueAsBytes(catalogue);
    Files.write(site.resolve("catalogue.json"), catalogueBytes);
    Files.writeString(site.resolve("catalogue.json.sig"), signatureLine(key, fingerprint, catalogueBytes));
  }

  private static PrivateKey privateKey(Path file) throws Exception {
    Matcher m = Pattern.compile("-----BEGIN PRIVATE KEY-----(.*?)-----END PRIVATE KEY-----", Pattern.DOTALL)
        .matcher(Files.readString(file));
    assertTrue(m.find(), "a PEM private key in " + file);
    return KeyFactory.getInstance("Ed25519").generatePrivate(
        new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(m.group(1).strip())));
  }

  private static String fingerprint(Path publicKey) throws Exception {
    Matcher m = Pattern.compile("-----BEGIN PUBLIC KEY-----(.*?)-----END PUBLIC KEY-----", Pattern.DOTALL)
        .matcher(Files.readString(publicKey));
    assertTrue(m.find(), "a PEM public key in " + publicKey);
    return sha256(Base64.getMimeDecoder().decode(m.group(1).strip()));
  }

  private static String signatureLine(PrivateKey key, String fingerprint, byte[] data) throws Exception {
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(key);
    s.update(data);
    return "ed25519 " + fingerprint + " " + Base64.getEncoder().encodeToString(s.sign()) + "\n";
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  /** A headless host driven one command at a time: each command is followed by an echoed marker. */
  private static final class Session implements AutoCloseable {
    private final HostProcess host;
    private int marks;

    Session(HostProcess host) {
      this.host = host;
    }

    /** Runs a shell line; returns what it printed on standard output. */
    String run(String line) throws Exception {
      int from = host.out().length();
      String mark = "END-OF-COMMAND-" + (++marks);
      host.send(line);
      host.send("echo " + mark);
      assertTrue(host.awaitOut(from, o -> o.contains(mark), WAIT), "'" + line + "' finished: " + transcript());
      String out = host.out().substring(from);
      return out.substring(0, out.indexOf(mark));
    }

    /** Runs a line that must fail with {@code reason} on standard error. */
    void runExpectingError(String line, String reason) throws Exception {
      int from = host.err().length();
      run(line);
      assertTrue(host.awaitErr(e -> e.substring(from).contains(reason), Duration.ofSeconds(5)),
          "'" + line + "' is refused with '" + reason + "': " + transcript());
    }

    /** {@code pw:market install ID} is refused with {@code reason}, and ID is not installed. */
    void refused(String id, String reason) throws Exception {
      int from = host.err().length();
      runExpectingError("pw:market install " + id, reason);
      String err = host.err().substring(from);
      assertTrue(err.contains("nothing was installed"), "the refusal says nothing was installed: " + err);
      System.out.println("MarketplaceIT: refused " + id + ": " + err.strip());
      assertFalse(run("pw:bundles").contains(id), id + " is not in the framework");
      assertFalse(run("pw:market list").contains(id), id + " is not recorded as installed");
    }

    String transcript() {
      return "\nstdout:\n" + host.out() + "\nstderr:\n" + host.err();
    }

    void exit() throws Exception {
      host.send("exit");
      assertEquals(0, host.waitFor(WAIT), "clean exit" + transcript());
    }

    @Override
    public void close() {
      host.close();
    }
  }
}
