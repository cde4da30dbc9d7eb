package org.patchwork.sdk.docgen;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws a module's picture with Java2D, without text (fonts differ between machines) and without
 * antialiasing, so the same render gives the same PNG bytes everywhere.
 *
 * <p>Layout, 800 pixels wide: the waveform on top, 200 pixels high, with the whole render
 * (min/max per pixel column, grid every 0.25 s and at half scale); for an instrument's note a
 * 20 ms close-up from 0.25 s on its right. Below it, when there is one, the spectrum, 200 pixels high:
 * 20 Hz to 20 kHz on a log scale (grid at 100 Hz, 1 kHz and 10 kHz, fainter at 2 and 5
 * times those), 0 to -120 dBFS (grid every 20 dB); the input's spectrum in grey behind.
 */
final class Plot {

  static final int WIDTH = 800;
  static final int PANEL = 200;
  static final int GAP = 10;
  static final double ZOOM_FROM = 0.25;
  static final double ZOOM_SECONDS = 0.02;
  static final double MIN_HZ = 20;
  static final double MAX_HZ = 20_000;
  static final double FLOOR_DB = -120;

  static final Color BACKGROUND = new Color(0xFFFFFF);
  static final Color FRAME = new Color(0x868E96);
  static final Color GRID = new Color(0xDEE2E6);
  static final Color GRID_FAINT = new Color(0xF1F3F5);
  static final Color WAVE = new Color(0x1C7ED6);
  static final Color SPECTRUM = new Color(0xE8590C);
  static final Color REFERENCE = new Color(0xADB5BD);

  private Plot() {
  }

  /** The picture of {@code r} as PNG bytes. */
  static byte[] png(Render.Result r, double scale) throws IOException {
    boolean spectrum = Render.hasSpectrum(r);
    int height = GAP + PANEL + GAP + (spectrum ? PANEL + GAP : 0);
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, WIDTH, height);
      int inner = WIDTH - 2 * GAP;
      float[] y = r.output();
      if (r.mode() == Render.Mode.NOTE && spectrum) {
        int overview = inner * 7 / 10;
        waveform(g, GAP, GAP, overview, PANEL, y, 0, y.length, scale, 0.25);
        int from = (int) (ZOOM_FROM * Render.RATE);
        int to = from + (int) (ZOOM_SECONDS * Render.RATE);
        waveform(g, 2 * GAP + overview, GAP, inner - overview - GAP, PANEL, y, from, to, scale, 0.005);
      } else {
        waveform(g, GAP, GAP, inner, PANEL, y, 0, y.length, scale, 0.25);
      }
      if (spectrum) {
        int top = 2 * GAP + PANEL;
        frame(g, GAP, top, inner, PANEL);
        spectrumGrid(g, GAP, top, inner, PANEL);
        if (r.input() != null) {
          spectrum(g, GAP, top, inner, PANEL, Measure.spectrum(r.input(), r.mode()), REFERENCE);
        }
        spectrum(g, GAP, top, inner, PANEL, Measure.spectrum(y, r.mode()), SPECTRUM);
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "png", bytes);
    return bytes.toByteArray();
  }

  /** The vertical scale: 1, or the next whole number above the peak (CV may exceed ±1). */
  static double scale(float[] y) {
    double peak = 0;
    for (float v : y) {
      peak = Math.max(peak, Math.abs(v));
    }
    return peak <= 1 ? 1 : Math.ceil(peak);
  }

  private static void waveform(Graphics2D g, int x0, int y0, int w, int h, float[] y, int from, int to,
      double scale, double gridSeconds) {
    int mid = y0 + h / 2;
    g.setColor(GRID);
    for (double t = gridSeconds; t < (to - from) / Render.RATE; t += gridSeconds) {
      int x = x0 + (int) Math.round(t * Render.RATE / (to - from) * (w - 1));
      g.drawLine(x, y0, x, y0 + h - 1);
    }
    g.drawLine(x0, y0 + h / 4, x0 + w - 1, y0 + h / 4);
    g.drawLine(x0, y0 + 3 * h / 4, x0 + w - 1, y0 + 3 * h / 4);
    g.setColor(FRAME);
    g.drawLine(x0, mid, x0 + w - 1, mid);
    frame(g, x0, y0, w, h);
    g.setColor(WAVE);
    int span = to - from;
    for (int x = 0; x < w; x++) {
      int a = from + (int) ((long) span * x / w);
      int b = Math.max(a + 1, from + (int) ((long) span * (x + 1) / w));
      float lo = Float.MAX_VALUE;
      float hi = -Float.MAX_VALUE;
      // Starting one sample early joins each column to the previous one, so a close-up is a line.
      for (int i = Math.max(from, a - 1); i < b && i < to; i++) {
        lo = Math.min(lo, y[i]);
        hi = Math.max(hi, y[i]);
      }
      g.drawLine(x0 + x, row(hi, scale, y0, h), x0 + x, row(lo, scale, y0, h));
    }
  }

  private static int row(double v, double scale, int y0, int h) {
    double clipped = Math.max(-1, Math.min(1, v / scale));
    return y0 + (int) Math.round((1 - clipped) / 2 * (h - 1));
  }

  private static void spectrumGrid(Graphics2D g, int x0, int y0, int w, int h) {
    for (double decade = 10; decade <= 10_000; decade *= 10) {
      for (int m : new int[] {2, 5, 10}) {
        double hz = decade * m;
        if (hz < MIN_HZ || hz > MAX_HZ) {
          continue;
        }
        g.setColor(m == 10 ? GRID : GRID_FAINT);
        int x = x0 + column(hz, w);
        g.drawLine(x, y0 + 1, x, y0 + h - 2);
      }
    }
    g.setColor(GRID);
    for (double db = -20; db > FLOOR_DB; db -= 20) {
      int y = y0 + (int) Math.round(-db / -FLOOR_DB * (h - 1));
      g.drawLine(x0 + 1, y, x0 + w - 2, y);
    }
  }

  private static void spectrum(Graphics2D g, int x0, int y0, int w, int h, double[] db, Color color) {
    double binHz = Render.RATE / (2.0 * (db.length - 1));
    g.setColor(color);
    int previous = -1;
    for (int x = 0; x < w; x++) {
      double lo = hzAt(x, w);
      double hi = hzAt(x + 1, w);
      int a = (int) Math.floor(lo / binHz);
      int b = Math.max(a, (int) Math.floor(hi / binHz));
      double level = FLOOR_DB;
      for (int k = Math.max(0, a); k <= b && k < db.length; k++) {
        level = Math.max(level, db[k]);
      }
      int y = y0 + (int) Math.round(Math.max(0, Math.min(1, level / FLOOR_DB)) * (h - 1));
      if (previous >= 0) {
        g.drawLine(x0 + x - 1, previous, x0 + x, y);
      }
      previous = y;
    }
  }

  private static double hzAt(int x, int w) {
    return MIN_HZ * Math.pow(MAX_HZ / MIN_HZ, x / (double) w);
  }

  private static int column(double hz, int w) {
    return (int) Math.round(Math.log(hz / MIN_HZ) / Math.log(MAX_HZ / MIN_HZ) * w);
  }

  private static void frame(Graphics2D g, int x0, int y0, int w, int h) {
    g.setColor(FRAME);
    g.drawRect(x0, y0, w - 1, h - 1);
  }
}
