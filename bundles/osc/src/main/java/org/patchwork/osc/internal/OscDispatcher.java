package org.patchwork.osc.internal;

import com.illposed.osc.OSCMessage;
import java.util.List;
import org.patchwork.controllers.ControlState;
import org.patchwork.controllers.ControlTarget;
import org.patchwork.controllers.ControllerService;
import org.patchwork.sdk.control.ControlEvent;

/**
 * The address space of docs/osc.md: turns one message into a call on the {@link ControlTarget}
 * (or the {@link ControllerService} for learnable {@code /control/...} addresses), or into a
 * reply for a query. Arguments are checked strictly (type and range); a message that breaks a
 * rule changes nothing. Thread: the server's.
 */
final class OscDispatcher {

  enum Outcome {
    HANDLED, UNKNOWN, INVALID, DROPPED
  }

  /**
   * What became of a message.
   *
   * @param outcome counted by the server
   * @param reply the answer to a query, or null
   * @param replyPort the port the answer goes to on the sender's host; 0 for the sender's port
   * @param problem why it was unknown or invalid, for the log
   */
  record Result(Outcome outcome, OSCMessage reply, int replyPort, String problem) {
    static final Result HANDLED = new Result(Outcome.HANDLED, null, 0, "");
    static final Result DROPPED = new Result(Outcome.DROPPED, null, 0, "the control ring was full");

    static Result unknown(String address) {
      return new Result(Outcome.UNKNOWN, null, 0, "no such address: " + address);
    }

    static Result invalid(String why) {
      return new Result(Outcome.INVALID, null, 0, why);
    }
  }

  /** A message's arguments broke a rule. */
  private static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  private final ControlTarget target;
  private final ControllerService controllers;

  OscDispatcher(ControlTarget target, ControllerService controllers) {
    this.target = target;
    this.controllers = controllers;
  }

  Result dispatch(OSCMessage m, long nanos) {
    String address = m.getAddress();
    List<Object> args = m.getArguments();
    String[] p = address.length() > 1 ? address.substring(1).split("/", -1) : new String[0];
    try {
      if (p.length == 0) {
        return Result.unknown(address);
      }
      return switch (p[0]) {
        case "transport" -> transport(p, args, nanos, address);
        case "track" -> track(p, args, nanos, address);
        case "module" -> module(p, args, nanos, address);
        case "note" -> note(p, args, nanos, address);
        case "control" -> control(p, args, nanos, address);
        case "query" -> query(p, args, address);
        default -> Result.unknown(address);
      };
    } catch (Invalid e) {
      return Result.invalid(address + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return Result.invalid(address + ": " + e.getMessage());
    }
  }

  private Result transport(String[] p, List<Object> a, long nanos, String address) throws Invalid {
    if (p.length != 2) {
      return Result.unknown(address);
    }
    return switch (p[1]) {
      case "play" -> done(count(a, 0) && target.play(nanos));
      case "stop" -> done(count(a, 0) && target.stop(nanos));
      case "continue" -> done(count(a, 0) && target.resume(nanos));
      case "tempo" -> done(target.tempo(nanos, number(a, 0, 1, 1, 999)));
      case "position" -> done(target.locate(nanos, number(a, 0, 1, 0, 1e7)));
      case "record" -> done(target.command(nanos, "transport.record.set", flag(a) ? 1 : 0));
      default -> Result.unknown(address);
    };
  }

  private Result track(String[] p, List<Object> a, long nanos, String address) throws Invalid {
    if (p.length == 2 && p[1].equals("select")) {
      return done(target.command(nanos, "track.select", (int) number(a, 0, 1, 0, 9999)));
    }
    if (p.length != 3) {
      return Result.unknown(address);
    }
    int track = index(p[1]);
    if (track < 0) {
      return Result.unknown(address);
    }
    return switch (p[2]) {
      case "volume" -> done(target.trackVolume(nanos, track, number(a, 0, 1, 0, 1)));
      case "pan" -> done(target.trackPan(nanos, track, number(a, 0, 1, -1, 1)));
      case "mute" -> done(target.trackMute(nanos, track, flag(a)));
      default -> Result.unknown(address);
    };
  }

  private Result module(String[] p, List<Object> a, long nanos, String address) throws Invalid {
    if (p.length != 3 || !name(p[1]) || !name(p[2])) {
      return Result.unknown(address);
    }
    return done(target.parameter(nanos, p[1], p[2], number(a, 0, 1, -Double.MAX_VALUE, Double.MAX_VALUE)));
  }

  private Result note(String[] p, List<Object> a, long nanos, String address) throws Invalid {
    boolean off = p.length == 2 && p[1].equals("off");
    if (p.length != 1 && !off) {
      return Result.unknown(address);
    }
    if (a.size() != (off ? 2 : 3)) {
      throw new Invalid("takes " + (off ? "(track, pitch)" : "(track, pitch, velocity)") + ", got " + a.size() + " arguments");
    }
    int track = (int) integer(a, 0, 0, 9999);
    int key = (int) integer(a, 1, 0, 127);
    if (off) {
      return done(target.noteOff(nanos, track, key));
    }
    Object v = a.get(2);
    double velocity = v instanceof Integer i ? check(i / 127.0, i, 0, 127) : number(a, 2, 3, 0, 1);
    return done(velocity == 0 ? target.noteOff(nanos, track, key) : target.noteOn(nanos, track, key, velocity));
  }

  private Result control(String[] p, List<Object> a, long nanos, String address) throws Invalid {
    if (controllers == null || p.length < 2) {
      return Result.unknown(address);
    }
    double x = number(a, 0, 1, 0, 1);
    controllers.apply(new ControlEvent("osc:" + address, ControlEvent.Kind.OSC, 0, 0, (int) Math.round(x * 16383), 0));
    return Result.HANDLED;
  }

  private Result query(String[] p, List<Object> a, String address) throws Invalid {
    ControlState s = target.state();
    String what = String.join("/", java.util.Arrays.copyOfRange(p, 1, p.length));
    OSCMessage reply;
    if (what.equals("tempo")) {
      reply = new OSCMessage("/tempo", List.of((float) s.tempo()));
    } else if (what.equals("playing")) {
      reply = new OSCMessage("/playing", List.of(s.playing() ? 1 : 0));
    } else if (what.equals("position")) {
      reply = new OSCMessage("/position", List.of((float) s.beats()));
    } else if (what.equals("stats")) {
      reply = new OSCMessage("/stats", List.of((int) Math.min(Integer.MAX_VALUE, s.accepted()),
          (int) Math.min(Integer.MAX_VALUE, s.applied()), (int) Math.min(Integer.MAX_VALUE, s.dropped())));
    } else if (p.length == 4 && p[1].equals("track") && index(p[2]) >= 0) {
      ControlState.TrackMix t = s.track(index(p[2]));
      String at = "/track/" + p[2] + "/" + p[3];
      reply = switch (p[3]) {
        case "volume" -> new OSCMessage(at, List.of((float) t.volume()));
        case "pan" -> new OSCMessage(at, List.of((float) t.pan()));
        case "mute" -> new OSCMessage(at, List.of(t.muted() ? 1 : 0));
        default -> null;
      };
      if (reply == null) {
        return Result.unknown(address);
      }
    } else if (p.length == 4 && p[1].equals("module") && name(p[2]) && name(p[3])) {
      Double v = s.parameters().get(p[2] + "/" + p[3]);
      reply = v == null
          ? new OSCMessage("/error", List.of("no value known for " + p[2] + "/" + p[3]))
          : new OSCMessage("/module/" + p[2] + "/" + p[3], List.of(v.floatValue()));
    } else {
      return Result.unknown(address);
    }
    if (a.size() > 1) {
      throw new Invalid("a query takes at most one argument, the port to answer to");
    }
    int port = a.isEmpty() ? 0 : (int) integer(a, 0, 1, 65535);
    return new Result(OscDispatcher.Outcome.HANDLED, reply, port, "");
  }

  private static Result done(boolean queued) {
    return queued ? Result.HANDLED : Result.DROPPED;
  }

  private static boolean count(List<Object> a, int n) throws Invalid {
    if (a.size() != n) {
      throw new Invalid("takes " + n + " arguments, got " + a.size());
    }
    return true;
  }

  /** Argument {@code i} of exactly {@code size} as a finite number within min..max (f, d, i or h). */
  private static double number(List<Object> a, int i, int size, double min, double max) throws Invalid {
    if (a.size() != size) {
      throw new Invalid("takes " + size + " argument" + (size == 1 ? "" : "s") + ", got " + a.size());
    }
    double v = switch (a.get(i)) {
      case Float f -> f;
      case Double d -> d;
      case Integer n -> n;
      case Long n -> n;
      case null, default -> throw new Invalid("argument " + (i + 1) + " must be a number, not " + type(a.get(i)));
    };
    return check(v, v, min, max);
  }

  private static double check(double v, Object shown, double min, double max) throws Invalid {
    if (!Double.isFinite(v) || v < min || v > max) {
      throw new Invalid("value must be within " + min + ".." + max + ": " + shown);
    }
    return v;
  }

  private static long integer(List<Object> a, int i, long min, long max) throws Invalid {
    long v = switch (a.get(i)) {
      case Integer n -> n;
      case Long n -> n;
      case Float f when f == Math.rint(f) -> (long) (float) f;
      case null, default -> throw new Invalid("argument " + (i + 1) + " must be a whole number, not " + type(a.get(i)));
    };
    if (v < min || v > max) {
      throw new Invalid("argument " + (i + 1) + " must be within " + min + ".." + max + ": " + v);
    }
    return v;
  }

  private static boolean flag(List<Object> a) throws Invalid {
    if (a.size() != 1) {
      throw new Invalid("takes 1 argument, got " + a.size());
    }
    return switch (a.get(0)) {
      case Boolean b -> b;
      case Integer n when n == 0 || n == 1 -> n == 1;
      case Float f when f == 0f || f == 1f -> f == 1f;
      case null, default -> throw new Invalid("takes 0 or 1 (i or f) or T/F, not " + a.get(0));
    };
  }

  private static int index(String s) {
    if (s.isEmpty() || s.length() > 4 || !s.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(s);
  }

  private static boolean name(String s) {
    return !s.isEmpty() && s.length() <= 128 && s.chars().allMatch(c -> c > 32 && c < 127);
  }

  private static String type(Object o) {
    return o == null ? "nil" : o.getClass().getSimpleName();
  }
}
