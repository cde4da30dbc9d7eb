/**
 * The control layer between the things a musician touches (MIDI keyboards and controllers, OSC
 * apps, the UI) and the model thread: {@link org.patchwork.controllers.ControlTarget} is what
 * they drive (transport, mixer, module parameters, notes), delivered through the bus's control
 * ring to a {@link org.patchwork.controllers.ControlBackend} on the model thread, with every
 * event's time mapped to an engine frame at constant latency ({@link
 * org.patchwork.controllers.FrameClock}). {@link org.patchwork.controllers.ControllerService}
 * adds profiles and persistence to the SDK's {@code ControllerMapper}.
 *
 * <pre>{@code
 * target.play(System.nanoTime());
 * target.parameter(System.nanoTime(), "lead", "cutoff", 1200);
 * controllers.learn(new ParameterTarget("lead", "cutoff"), Mapping.Mode.ABSOLUTE, Mapping.Takeover.PICKUP);
 * }</pre>
 */
@Export
@Version("1.2.0")
package org.patchwork.controllers;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
