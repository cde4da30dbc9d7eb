package org.patchwork.ui.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;

/**
 * PNG pictures of what is on screen: the area a control covers is copied from the display
 * ({@link GC#copyArea}), so the picture shows exactly what the X server shows, tabs and native
 * widgets included. Thread: the display's.
 */
public final class Screenshots {

  private Screenshots() {
  }

  /** Writes the control's on-screen pixels to {@code png} and returns their image data. */
  public static ImageData save(Control control, Path png) throws IOException {
    control.getDisplay().update();
    Point origin = control.toDisplay(0, 0);
    // A shell's bounds may promise more than the window got (no window manager to grant it).
    Rectangle size = control instanceof org.eclipse.swt.widgets.Shell shell ? shell.getClientArea() : control.getBounds();
    Image image = new Image(control.getDisplay(), Math.max(1, size.width), Math.max(1, size.height));
    GC gc = new GC(control.getDisplay());
    try {
      gc.copyArea(image, origin.x, origin.y);
      // At 200 % a point is two pixels: keep every pixel the screen shows.
      ImageData data = image.getImageData(Math.max(100, control.getMonitor().getZoom()));
      Files.createDirectories(png.toAbsolutePath().getParent());
      ImageLoader loader = new ImageLoader();
      loader.data = new ImageData[] {data};
      loader.save(png.toString(), SWT.IMAGE_PNG);
      return data;
    } finally {
      gc.dispose();
      image.dispose();
    }
  }

  /** How many distinct colours a picture has: a blank or black capture has one or two. */
  public static int colours(ImageData data) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int y = 0; y < data.height; y += 2) {
      for (int x = 0; x < data.width; x += 2) {
        seen.add(data.getPixel(x, y));
        if (seen.size() > 64) {
          return seen.size();
        }
      }
    }
    return seen.size();
  }
}
