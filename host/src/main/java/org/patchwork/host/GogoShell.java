package org.patchwork.host;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * A Gogo command session opened from outside the framework. The host's class path does not
 * share Gogo's API classes with the bundles, so the session is driven reflectively through the
 * public interfaces that the Gogo runtime bundle exports.
 */
final class GogoShell implements AutoCloseable {

  private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
  private static final String SESSION = "org.apache.felix.service.command.CommandSession";

  private final BundleContext context;
  private final Object session;
  private final Method execute;
  private final Method format;
  private final Method put;
  private final Method close;

  private GogoShell(BundleContext context, Object session, Class<?> sessionType) throws NoSuchMethodException {
    this.context = context;
    this.session = session;
    this.execute = sessionType.getMethod("execute", CharSequence.class);
    this.format = sessionType.getMethod("format", Object.class, int.class);
    this.put = sessionType.getMethod("put", String.class, Object.class);
    this.close = sessionType.getMethod("close");
  }

  /** Opens a session reading {@code in} and writing to {@code out} and {@code err}. */
  static GogoShell open(BundleContext context, InputStream in, OutputStream out, OutputStream err)
      throws ReflectiveOperationException {
    ServiceReference<?> ref = context.getServiceReference(PROCESSOR);
    if (ref == null) {
      throw new IllegalStateException("the Gogo runtime bundle is not running");
    }
    Object processor = context.getService(ref);
    Class<?> processorType = ref.getBundle().loadClass(PROCESSOR);
    Class<?> sessionType = ref.getBundle().loadClass(SESSION);
    Method create = processorType.getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class);
    return new GogoShell(context, create.invoke(processor, in, out, err), sessionType);
  }

  /** The {@code pw:*} commands now registered, with their one-line summaries, by name. */
  Map<String, String> patchworkCommands() {
    Map<String, String> commands = new TreeMap<>();
    try {
      ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(osgi.command.scope=pw)");
      for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
        if (ref.getProperty("patchwork.command.alias") != null) {
          continue; // a hyphenated alias (pw:market-install) of a command already listed
        }
        Object functions = ref.getProperty("osgi.command.function");
        Object summary = ref.getProperty("patchwork.command.summary");
        for (String f : functions instanceof String[] a ? a : new String[] {String.valueOf(functions)}) {
          commands.put(f, summary == null ? "" : summary.toString());
        }
      }
    } catch (InvalidSyntaxException e) {
      throw new IllegalStateException(e);
    }
    return commands;
  }

  /** Runs {@code pw:NAME} with {@code args} passed through untouched (no shell parsing). */
  Object call(String name, List<String> args) throws Exception {
    StringBuilder line = new StringBuilder("pw:").append(name);
    for (int i = 0; i < args.size(); i++) {
      put.invoke(session, "_pw_arg" + i, args.get(i));
      line.append(" $_pw_arg").append(i);
    }
    return execute(line.toString());
  }

  /**
   * Runs {@code pw:NAME} by calling the command service's {@code NAME(String...)} method on the
   * calling thread, not through a Gogo pipe (which runs commands on a thread of its own). The
   * window's event loop must run on the thread that called: the JVM's main thread.
   */
  Object callOnThisThread(String name, List<String> args) throws Exception {
    ServiceReference<?>[] refs = context.getServiceReferences((String) null,
        "(&(osgi.command.scope=pw)(osgi.command.function=" + name + "))");
    if (refs == null || refs.length == 0) {
      throw new IllegalStateException("no pw:" + name + " command is registered");
    }
    Object command = context.getService(refs[0]);
    try {
      Method method = command.getClass().getMethod(name, String[].class);
      return method.invoke(command, (Object) args.toArray(String[]::new));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    } finally {
      context.ungetService(refs[0]);
    }
  }

  /** Runs one shell line; throws what the command threw. */
  Object execute(String line) throws Exception {
    try {
      return execute.invoke(session, line);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Gogo's own rendering of a command's result, as its shell prints it. */
  String format(Object result) throws ReflectiveOperationException {
    return String.valueOf(format.invoke(session, result, 0));
  }

  @Override
  public void close() {
    try {
      close.invoke(session);
    } catch (ReflectiveOperationException e) {
      // The framework is going down with the session; nothing left to release.
    }
  }
}
