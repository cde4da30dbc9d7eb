package org.patchwork.project.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.patchwork.project.PackLimits;
import org.patchwork.project.ProjectFormatException;

/**
 * A zip reader written for hostile input (APPNOTE 6.3.10): it reads the central directory,
 * refuses what it does not need (zip64, encryption, multi-disk, methods other than stored and
 * deflated, symbolic links, names that could leave the target folder, duplicates, entries whose
 * bytes overlap) and counts every byte it inflates against the declared size and the limits.
 */
public final class ZipReader {

  private static final int EOCD = 0x06054b50;
  private static final int CEN = 0x02014b50;
  private static final int LOC = 0x04034b50;
  private static final int UNIX = 3;
  private static final int S_IFMT = 0170000;
  private static final int S_IFLNK = 0120000;

  /**
   * One entry of the central directory.
   *
   * @param name the path inside the archive
   * @param method 0 stored, 8 deflated
   * @param compressedSize bytes stored
   * @param size bytes declared after inflating
   * @param crc declared CRC-32
   * @param localOffset where its local header starts
   */
  public record Entry(String name, int method, long compressedSize, long size, long crc, long localOffset) {

    /** Whether it is a folder entry ({@code name/}, nothing in it). */
    public boolean isDirectory() {
      return name.endsWith("/");
    }
  }

  private final String source;
  private final SeekableByteChannel ch;
  private final PackLimits limits;
  private long inflatedTotal;

  /** A reader of {@code ch}, naming it {@code source} in messages. */
  public ZipReader(String source, SeekableByteChannel ch, PackLimits limits) {
    this.source = source;
    this.ch = ch;
    this.limits = limits;
  }

  /** Reads and checks the central directory. */
  public List<Entry> entries() throws IOException {
    long length = ch.size();
    if (length < 22) {
      throw fail("not a zip archive: only " + length + " bytes");
    }
    int tail = (int) Math.min(length, 22 + 0xFFFF);
    ByteBuffer end = read(length - tail, tail);
    int at = -1;
    for (int i = tail - 22; i >= 0; i--) {
      if (end.getInt(i) == EOCD && i + 22 + (end.getShort(i + 20) & 0xffff) == tail) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      throw fail("not a zip archive: no end-of-central-directory record");
    }
    int disk = end.getShort(at + 4) & 0xffff;
    int cdDisk = end.getShort(at + 6) & 0xffff;
    int onDisk = end.getShort(at + 8) & 0xffff;
    int count = end.getShort(at + 10) & 0xffff;
    long cdSize = end.getInt(at + 12) & 0xffffffffL;
    long cdOffset = end.getInt(at + 16) & 0xffffffffL;
    if (count == 0xffff || cdSize == 0xffffffffL || cdOffset == 0xffffffffL) {
      throw fail("zip64 archives are not supported");
    }
    if (disk != 0 || cdDisk != 0 || onDisk != count) {
      throw fail("multi-part archives are not supported");
    }
    if (count > limits.maxEntries()) {
      throw fail("too many entries: " + count + " (at most " + limits.maxEntries() + ")");
    }
    long eocd = length - tail + at;
    if (cdOffset + cdSize > eocd) {
      throw fail("damaged: the central directory lies outside the archive");
    }
    ByteBuffer cd = read(cdOffset, (int) cdSize);
    List<Entry> out = new ArrayList<>(count);
    Set<String> seen = new HashSet<>();
    long declaredTotal = 0;
    int p = 0;
    for (int i = 0; i < count; i++) {
      if (p + 46 > cdSize || cd.getInt(p) != CEN) {
        throw fail("damaged: central directory entry " + i + " is not where the directory says");
      }
      int madeBy = cd.getShort(p + 4) & 0xffff;
      int flags = cd.getShort(p + 8) & 0xffff;
      int method = cd.getShort(p + 10) & 0xffff;
      long crc = cd.getInt(p + 16) & 0xffffffffL;
      long csize = cd.getInt(p + 20) & 0xffffffffL;
      long size = cd.getInt(p + 24) & 0xffffffffL;
      int nameLen = cd.getShort(p + 28) & 0xffff;
      int extraLen = cd.getShort(p + 30) & 0xffff;
      int commentLen = cd.getShort(p + 32) & 0xffff;
      long external = cd.getInt(p + 38) & 0xffffffffL;
      long offset = cd.getInt(p + 42) & 0xffffffffL;
      if (p + 46L + nameLen + extraLen + commentLen > cdSize) {
        throw fail("damaged: central directory entry " + i + " runs past the directory");
      }
      String name = name(cd, p + 46, nameLen, i);
      p += 46 + nameLen + extraLen + commentLen;
      checkName(name);
      String folded = name.toLowerCase(Locale.ROOT);
      if (!seen.add(folded)) {
        throw fail("entry '" + name + "' appears twice (names must be unique, ignoring case)");
      }
      if ((madeBy >> 8) == UNIX && ((external >> 16) & S_IFMT) == S_IFLNK) {
        throw fail("entry '" + name + "' is a symbolic link");
      }
      if ((flags & 1) != 0) {
        throw fail("entry '" + name + "' is encrypted");
      }
      if (method != 0 && method != 8) {
        throw fail("entry '" + name + "' uses compression method " + method + " (only stored and deflated)");
      }
      if (csize == 0xffffffffL || size == 0xffffffffL) {
        throw fail("zip64 archives are not supported");
      }
      if (method == 0 && csize != size) {
        throw fail("entry '" + name + "' is stored but its sizes differ (" + csize + " and " + size + ")");
      }
      if (size > PackLimits.RATIO_FLOOR && size > limits.maxRatio() * Math.max(csize, 1)) {
        throw fail("entry '" + name + "' would inflate " + size + " bytes from " + csize
            + " (more than " + limits.maxRatio() + ":1): a zip bomb?");
      }
      declaredTotal += size;
      if (declaredTotal > limits.maxTotalBytes()) {
        throw fail("the entries add up to more than " + limits.maxTotalBytes() + " bytes");
      }
      out.add(new Entry(name, method, csize, size, crc, offset));
    }
    checkOverlaps(out, cdOffset);
    return out;
  }

  /**
   * Inflates {@code e} into {@code out}, counting the bytes actually produced against its
   * declared size, the ratio and the total limit, and checking its CRC-32.
   */
  public void extract(Entry e, OutputStream out) throws IOException {
    ByteBuffer local = read(e.localOffset(), 30);
    if (local.getInt(0) != LOC) {
      throw fail("damaged: entry '" + e.name() + "' has no local header where the directory says");
    }
    int nameLen = local.getShort(26) & 0xffff;
    int extraLen = local.getShort(28) & 0xffff;
    if ((local.getShort(8) & 0xffff) != e.method()) {
      throw fail("damaged: entry '" + e.name() + "' has another method in its local header");
    }
    ByteBuffer localName = read(e.localOffset() + 30, nameLen);
    if (!name(localName, 0, nameLen, -1).equals(e.name())) {
      throw fail("entry '" + e.name() + "' has another name in its local header");
    }
    long data = e.localOffset() + 30 + nameLen + extraLen;
    CRC32 crc = new CRC32();
    long produced = 0;
    long remaining = e.compressedSize();
    long pos = data;
    Inflater inflater = e.method() == 8 ? new Inflater(true) : null;
    byte[] buf = new byte[1 << 16];
    try {
      while (true) {
        if (inflater == null || inflater.needsInput()) {
          if (remaining == 0) {
            break;
          }
          int n = (int) Math.min(remaining, 1 << 16);
          ByteBuffer chunk = read(pos, n);
          pos += n;
          remaining -= n;
          if (inflater == null) {
            produced = emit(e, out, crc, chunk.array(), n, produced);
            continue;
          }
          inflater.setInput(chunk.array(), 0, n);
        }
        int n = inflater.inflate(buf);
        produced = emit(e, out, crc, buf, n, produced);
        if (inflater.finished()) {
          break;
        }
        if (n == 0 && inflater.needsDictionary()) {
          throw fail("entry '" + e.name() + "' needs a preset dictionary");
        }
      }
      if (inflater != null && !inflater.finished()) {
        throw fail("entry '" + e.name() + "' is cut short (its deflate stream does not end)");
      }
    } catch (DataFormatException x) {
      throw fail("entry '" + e.name() + "' is damaged: " + x.getMessage());
    } finally {
      if (inflater != null) {
        inflater.end();
      }
    }
    if (produced != e.size()) {
      throw fail("entry '" + e.name() + "' inflates to " + produced + " bytes, not the " + e.size() + " it declares");
    }
    if (crc.getValue() != e.crc()) {
      throw fail("entry '" + e.name() + "' fails its CRC-32 check");
    }
  }

  private long emit(Entry e, OutputStream out, CRC32 crc, byte[] b, int n, long produced) throws IOException {
    long now = produced + n;
    inflatedTotal += n;
    if (now > e.size()) {
      throw fail("entry '" + e.name() + "' inflates to more than the " + e.size() + " bytes it declares");
    }
    if (now > PackLimits.RATIO_FLOOR && now > (long) limits.maxRatio() * Math.max(e.compressedSize(), 1)) {
      throw fail("entry '" + e.name() + "' inflates more than " + limits.maxRatio() + ":1: a zip bomb?");
    }
    if (inflatedTotal > limits.maxTotalBytes()) {
      throw fail("the entries inflate to more than " + limits.maxTotalBytes() + " bytes");
    }
    crc.update(b, 0, n);
    out.write(b, 0, n);
    return now;
  }

  /** Refuses names that could write outside the target folder on any system. */
  private void checkName(String name) {
    if (name.isEmpty()) {
      throw fail("an entry has an empty name");
    }
    String why = null;
    if (name.indexOf('\\') >= 0) {
      why = "contains a backslash";
    } else if (name.startsWith("/")) {
      why = "is an absolute path";
    } else if (name.length() >= 2 && name.charAt(1) == ':') {
      why = "starts with a drive letter";
    } else if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      why = "contains a control character";
    } else {
      String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
      for (String part : trimmed.split("/", -1)) {
        if (part.equals("..")) {
          why = "escapes the target folder ('..')";
        } else if (part.isEmpty() || part.equals(".")) {
          why = "has an empty or '.' path segment";
        }
        if (why != null) {
          break;
        }
      }
    }
    if (why != null) {
      throw fail("entry '" + name.replaceAll("\\p{Cntrl}", "?") + "' " + why);
    }
  }

  private void checkOverlaps(List<Entry> entries, long cdOffset) throws IOException {
    List<Entry> byOffset = new ArrayList<>(entries);
    byOffset.sort(Comparator.comparingLong(Entry::localOffset));
    long free = 0;
    for (Entry e : byOffset) {
      if (e.localOffset() < free) {
        throw fail("entry '" + e.name() + "' overlaps another entry's bytes");
      }
      if (e.localOffset() + 30 > cdOffset) {
        throw fail("damaged: entry '" + e.name() + "' starts outside the archive's data");
      }
      ByteBuffer local = read(e.localOffset(), 30);
      long data = e.localOffset() + 30 + (local.getShort(26) & 0xffff) + (local.getShort(28) & 0xffff);
      free = data + e.compressedSize();
      if (free > cdOffset) {
        throw fail("damaged: entry '" + e.name() + "' runs past the archive's data");
      }
    }
  }

  private String name(ByteBuffer b, int at, int len, int index) {
    byte[] raw = new byte[len];
    b.get(at, raw);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw)).toString();
    } catch (CharacterCodingException e) {
      throw fail("entry " + (index < 0 ? "" : index + " ") + "has a name that is not UTF-8");
    }
  }

  private ByteBuffer read(long at, int n) throws IOException {
    if (at < 0 || at + n > ch.size()) {
      throw fail("damaged: a record lies past the end of the archive");
    }
    ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    ch.position(at);
    while (b.hasRemaining()) {
      if (ch.read(b) < 0) {
        throw fail("damaged: the archive ends early");
      }
    }
    return b.flip();
  }

  private ProjectFormatException fail(String reason) {
    return new ProjectFormatException(source, null, reason);
  }
}
