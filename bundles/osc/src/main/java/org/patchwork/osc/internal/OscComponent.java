package org.patchwork.osc.internal;

import java.io.IOException;
import java.net.InetAddress;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.patchwork.controllers.ControlTarget;
import org.patchwork.controllers.ControllerService;

/**
 * Runs the OSC server in the host. Configuration PID {@code org.patchwork.osc} ({@code port},
 * {@code bindAddress}); without a configuration the framework properties
 * {@code patchwork.osc.port} and {@code patchwork.osc.bind} are read, else port 9000 on
 * 127.0.0.1. A port of 0 turns the server off.
 */
@Component(service = OscComponent.class, configurationPid = "org.patchwork.osc", immediate = true)
@Designate(ocd = OscComponent.Config.class)
public final class OscComponent {

  @ObjectClassDefinition(name = "Patchwork OSC server")
  public @interface Config {
    @AttributeDefinition(description = "UDP port; 0 turns the server off; -1 reads patchwork.osc.port (default 9000)")
    int port() default -1;

    @AttributeDefinition(description = "Address to listen on; empty reads patchwork.osc.bind (default 127.0.0.1, loopback only)")
    String bindAddress() default "";
  }

  private final OscServer server;

  @Activate
  public OscComponent(BundleContext context, Config config, @Reference ControlTarget target,
      @Reference(cardinality = ReferenceCardinality.OPTIONAL) ControllerService controllers,
      @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL) Logger log)
      throws IOException {
    int port = config.port() >= 0 ? config.port() : intProperty(context, "patchwork.osc.port", OscServer.DEFAULT_PORT);
    String bind = !config.bindAddress().isBlank() ? config.bindAddress()
        : context.getProperty("patchwork.osc.bind") != null ? context.getProperty("patchwork.osc.bind") : "127.0.0.1";
    if (port == 0) {
      server = null;
      return;
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("the OSC port must be within 0..65535: " + port);
    }
    OscServer listening = null;
    try {
      listening = new OscServer(InetAddress.getByName(bind), port, target, controllers, m -> warn(log, m));
    } catch (IOException e) {
      // another program (often another Patchwork) has the port: the rest of the host runs on
      warn(log, e.getMessage() + "; OSC is off (choose another port with patchwork.osc.port or the "
          + "org.patchwork.osc configuration)");
    }
    server = listening;
  }

  private static void warn(Logger log, String message) {
    if (log != null) {
      log.warn(message);
    } else {
      System.err.println("patchwork osc: " + message);
    }
  }

  private static int intProperty(BundleContext context, String name, int otherwise) {
    String v = context.getProperty(name);
    try {
      return v == null ? otherwise : Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number: " + v);
    }
  }

  @Deactivate
  void deactivate() {
    if (server != null) {
      server.close();
    }
  }
}
