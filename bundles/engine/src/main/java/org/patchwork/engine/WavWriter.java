package org.patchwork.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes a WAV file safely: into a hidden temporary file beside the target, renamed over the
 * target only by {@link #commit()}. Closing without committing deletes the temporary file, so a
 * failed render leaves nothing behind and never damages an existing file.
 *
 * <p>Integer formats round to nearest with clipping to [-1, 1] (scaled by 32767 or 8388607) and
 * no dither: dither is random, and renders must be bit-exact. Float files are
 * {@code WAVE_FORMAT_IEEE_FLOAT} with the fact chunk the format requires.
 *
 * <pre>{@code
 * try (WavWriter wav = WavWriter.create(Path.of("out.wav"), WavFormat.PCM_24, 48_000, 2)) {
 *   wav.write(block, frames);      // block[channel][frame]
 *   wav.commit();
 * }
 * }</pre>
 *
 * <p>Not thread-safe. {@link #write} allocates nothing once the buffer fits the block size.
 * Blocks are collected in a buffer of {@value #FLUSH_BYTES} bytes and written to the file
 * when it is full, so a render makes one system call per quarter megabyte, not per block.
 */
@ProviderType
public final class WavWriter implements AutoCloseable {

  private static final long MAX_DATA = 0xFFFF_FFFFL - 64;
  /** Bytes collected before they go to the file. */
  static final int FLUSH_BYTES = 256 * 1024;

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final WavFormat format;
  private final int sampleRate;
  private final int channels;
  private final int frameBytes;
  private final int header;
  private ByteBuffer buffer;
  private long frames;
  private float peak;
  private boolean finished;

  private WavWriter(Path target, Path temp, FileChannel channel, WavFormat format, int sampleRate, int channels) {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.format = format;
    this.sampleRate = sampleRate;
    this.channels = channels;
    this.frameBytes = channels * format.bitsPerSample() / 8;
    this.header = format == WavFormat.FLOAT_32 ? 58 : 44;
    this.buffer = ByteBuffer.allocateDirect(FLUSH_BYTES).order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Opens a temporary file in {@code target}'s directory.
   *
   * @throws NoSuchFileException if the directory does not exist
   */
  public static WavWriter create(Path target, WavFormat format, int sampleRate, int channels) throws IOException {
    if (sampleRate < 1 || channels < 1 || channels > 64) {
      throw new IllegalArgumentException("a WAV file needs sampleRate >= 1 and 1..64 channels: "
          + sampleRate + " Hz, " + channels + " channels");
    }
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new NoSuchFileException(String.valueOf(dir), null, "the output directory does not exist");
    }
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part");
    FileChannel channel;
    try {
      channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    WavWriter w = new WavWriter(target, temp, channel, format, sampleRate, channels);
    try {
      w.writeHeader(); // placeholder sizes, rewritten by commit()
      channel.position(w.header);
    } catch (IOException e) {
      w.close();
      throw e;
    }
    return w;
  }

  /** Appends frames {@code 0..frames-1} of each {@code block[channel]}. */
  public void write(float[][] block, int frameCount) throws IOException {
    if (finished) {
      throw new IllegalStateException("the WAV file is already committed or closed");
    }
    int bytes = frameCount * frameBytes;
    if ((frames + frameCount) * frameBytes > MAX_DATA) {
      throw new IOException("a WAV file holds at most 4 GiB of audio: " + target);
    }
    if (buffer.remaining() < bytes) {
      flush();
      if (buffer.capacity() < bytes) {
        buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.LITTLE_ENDIAN);
      }
    }
    float pk = peak;
    for (int i = 0; i < frameCount; i++) {
      for (int ch = 0; ch < channels; ch++) {
        float x = block[ch][i];
        pk = Math.max(pk, Math.abs(x));
        switch (format) {
          case PCM_16 -> buffer.putShort((short) quantise(x, 32767.0));
          case PCM_24 -> {
            int v = quantise(x, 8388607.0);
            buffer.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
          }
          case FLOAT_32 -> buffer.putFloat(x);
        }
      }
    }
    peak = pk;
    frames += frameCount;
  }

  /** Writes the collected bytes to the file. */
  private void flush() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }

  /** Finishes the header, flushes to disk and renames the file onto the target, replacing it. */
  public void commit() throws IOException {
    if (finished) {
      throw new IllegalStateException("the WAV file is already committed or closed");
    }
    flush();
    long data = frames * frameBytes;
    if ((data & 1) == 1) {
      // RIFF chunks are word-aligned; the pad byte is not part of the data size.
      channel.write(ByteBuffer.wrap(new byte[1]), header + data);
    }
    writeHeader();
    channel.force(true);
    channel.close();
    finished = true;
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Frames written so far. */
  public long frames() {
    return frames;
  }

  /** Largest absolute sample written, before conversion (above 1 means clipped). */
  public float peak() {
    return peak;
  }

  /** Without a {@link #commit()}: discards everything written. After one: does nothing. */
  @Override
  public void close() throws IOException {
    if (channel.isOpen()) {
      channel.close();
    }
    if (!finished) {
      finished = true;
      Files.deleteIfExists(temp);
    }
  }

  private static int quantise(float x, double scale) {
    if (x != x) {
      return 0;
    }
    double clipped = Math.max(-1.0, Math.min(1.0, x));
    return (int) Math.rint(clipped * scale);
  }

  private void writeHeader() throws IOException {
    long data = frames * frameBytes;
    long padded = data + (data & 1);
    ByteBuffer h = ByteBuffer.allocate(header).order(ByteOrder.LITTLE_ENDIAN);
    boolean isFloat = format == WavFormat.FLOAT_32;
    h.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) (header - 8 + padded));
    h.put(new byte[] {'W', 'A', 'V', 'E'});
    h.put(new byte[] {'f', 'm', 't', ' '}).putInt(isFloat ? 18 : 16);
    h.putShort((short) (isFloat ? 3 : 1)); // WAVE_FORMAT_IEEE_FLOAT or WAVE_FORMAT_PCM
    h.putShort((short) channels).putInt(sampleRate).putInt(sampleRate * frameBytes);
    h.putShort((short) frameBytes).putShort((short) format.bitsPerSample());
    if (isFloat) {
      h.putShort((short) 0); // cbSize: no extension
      h.put(new byte[] {'f', 'a', 'c', 't'}).putInt(4).putInt((int) frames);
    }
    h.put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) data);
    h.flip();
    while (h.hasRemaining()) {
      channel.write(h, h.position());
    }
  }
}
