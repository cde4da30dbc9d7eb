package org.patchwork.project;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Writes zips byte by byte, including the ones no zip library would: for hostile-pack tests. */
final class RawZip {

  /** One entry; every field may lie. */
  static final class Entry {
    String name;
    byte[] data;
    boolean deflate = true;
    long declaredSize = -1;
    long crc = -1;
    int externalAttrs;
    int madeBy = 20;
    int flags = 0x800;
    long offsetOverride = -1;

    Entry(String name, byte[] data) {
      this.name = name;
      this.data = data;
    }
  }

  final List<Entry> entries = new ArrayList<>();

  Entry add(String name, byte[] data) {
    Entry e = new Entry(name, data);
    entries.add(e);
    return e;
  }

  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream cd = new ByteArrayOutputStream();
    for (Entry e : entries) {
      byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
      byte[] stored = e.deflate ? deflate(e.data) : e.data;
      CRC32 crc = new CRC32();
      crc.update(e.data);
      long crcValue = e.crc >= 0 ? e.crc : crc.getValue();
      long size = e.declaredSize >= 0 ? e.declaredSize : e.data.length;
      long offset = out.size();
      ByteBuffer local = le(30 + name.length);
      local.putInt(0x04034b50).putShort((short) 20).putShort((short) e.flags).putShort((short) (e.deflate ? 8 : 0))
          .putShort((short) 0).putShort((short) 0x21).putInt((int) crcValue).putInt(stored.length).putInt((int) size)
          .putShort((short) name.length).putShort((short) 0).put(name);
      out.writeBytes(local.array());
      out.writeBytes(stored);
      ByteBuffer c = le(46 + name.length);
      c.putInt(0x02014b50).putShort((short) e.madeBy).putShort((short) 20).putShort((short) e.flags)
          .putShort((short) (e.deflate ? 8 : 0)).putShort((short) 0).putShort((short) 0x21).putInt((int) crcValue)
          .putInt(stored.length).putInt((int) size).putShort((short) name.length).putShort((short) 0)
          .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(e.externalAttrs)
          .putInt((int) (e.offsetOverride >= 0 ? e.offsetOverride : offset)).put(name);
      cd.writeBytes(c.array());
    }
    long cdOffset = out.size();
    out.writeBytes(cd.toByteArray());
    ByteBuffer end = le(22);
    end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
        .putShort((short) entries.size()).putInt(cd.size()).putInt((int) cdOffset).putShort((short) 0);
    out.writeBytes(end.array());
    return out.toByteArray();
  }

  static byte[] deflate(byte[] data) {
    Deflater d = new Deflater(9, true);
    d.setInput(data);
    d.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }
    d.end();
    return out.toByteArray();
  }

  private static ByteBuffer le(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }
}
