package org.patchwork.drivers;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Resolves, ahead of time and off the audio thread, the symbolic references that the JVM would
 * otherwise resolve lazily the first time a bytecode runs: the classes a class names and the
 * string constants it loads.
 *
 * <p>Why: HotSpot resolves a class reference on first execution by asking the referring
 * class's loader. For a bundle class that is Felix's {@code BundleClassLoader}, whose lookup
 * allocates (a {@code HashSet}, substrings of the name) even for {@code java.lang.Long}; an
 * {@code ldc} of a string not yet interned allocates the {@code String}. A branch first taken
 * minutes into playback (a latency above 1 ms, a full ring) would therefore allocate on the
 * audio thread once. {@code Class.forName(name, false, loader)} records the loader as an
 * initiating loader of the class, so the later resolution from bytecode finds it in the
 * VM's dictionary without calling Java code; {@link String#intern} makes the later
 * {@code ldc} find its string.
 *
 * <p>Starting from root classes, this follows every class reference into classes defined by
 * non-JDK loaders (bundles), so the engine, the bus, the Disruptor and the modules of a plan
 * are covered without listing them. Thread: a control thread, before the audio thread starts.
 *
 * <pre>{@code
 * ConstantPools.Result r = ConstantPools.resolve(session.getClass(), driver.getClass());
 * }</pre>
 */
public final class ConstantPools {

  /** Classes read at most, so a huge class graph cannot stall a start. */
  private static final int MAX_CLASSES = 4_000;

  /**
   * What was resolved.
   *
   * @param classes classes whose constant pools were read
   * @param references class references resolved
   * @param strings string constants interned
   */
  public record Result(int classes, int references, int strings) {
  }

  private ConstantPools() {
  }

  /** Resolves the constant pools of {@code roots} and of every bundle class they reach. */
  public static Result resolve(Class<?>... roots) {
    ArrayDeque<Class<?>> queue = new ArrayDeque<>();
    Set<Class<?>> seen = new HashSet<>();
    for (Class<?> root : roots) {
      if (root != null && followed(root) && seen.add(root)) {
        queue.add(root);
      }
    }
    int classes = 0;
    int references = 0;
    int strings = 0;
    while (!queue.isEmpty() && classes < MAX_CLASSES) {
      Class<?> type = queue.poll();
      ClassModel model = read(type);
      if (model == null) {
        continue;
      }
      classes++;
      ClassLoader loader = type.getClassLoader();
      for (PoolEntry entry : model.constantPool()) {
        if (entry instanceof ClassEntry c) {
          Class<?> found = load(c.asInternalName(), loader);
          if (found != null) {
            references++;
            Class<?> element = found;
            while (element.isArray()) {
              element = element.getComponentType();
            }
            if (followed(element) && seen.add(element)) {
              queue.add(element);
            }
          }
        } else if (entry instanceof StringEntry s) {
          s.stringValue().intern();
          strings++;
        }
      }
    }
    return new Result(classes, references, strings);
  }

  /** Classes of bundles and the application, not of the JDK (whose resolution is native). */
  private static boolean followed(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    return loader != null && loader != ClassLoader.getPlatformClassLoader() && !type.isHidden();
  }

  private static ClassModel read(Class<?> type) {
    String resource = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      return in == null ? null : ClassFile.of().parse(in.readAllBytes());
    } catch (IOException | IllegalArgumentException e) {
      return null; // unreadable class bytes: that class keeps lazy resolution
    }
  }

  private static Class<?> load(String internalName, ClassLoader loader) {
    try { // "[Lorg/x/Y;" becomes "[Lorg.x.Y;", the form forName takes for arrays too
      return Class.forName(internalName.replace('/', '.'), false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null; // an optional dependency that is absent: never reached at run time either
    }
  }
}
