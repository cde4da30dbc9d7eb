package org.patchwork.dsp.fm.internal;

/**
 * The operator graphs of {@link Fm6Synth}: the 32 algorithms of the Yamaha DX7 (as drawn on
 * the instrument's panel and in its owner's manual) followed by a six-operator serial stack,
 * which the DX7 does not have.
 *
 * <p>Each graph is written as chains {@code a>b} ("operator a modulates operator b"), plus the
 * feedback: {@code fbN} feeds operator N back into itself, {@code fbA>B} feeds A's output into
 * B's phase (the two-operator loops of DX7 algorithms 4 and 6). An operator that modulates
 * nothing is a carrier and is heard. In every graph a modulator has a higher number than the
 * operators it modulates, so evaluating operators 6 down to 1 in each frame computes every
 * modulator before its targets; feedback reads the previous frames.
 *
 * <p>Notable ones: DX7 3 is two 3-operator stacks, DX7 5 three 2-operator stacks, DX7 32 all
 * six operators in parallel (additive), the last entry one 6-operator stack.
 */
final class Fm6Algorithms {

  static final int OPS = 6;

  /** The graphs in parameter order: index i &lt; 32 is DX7 algorithm i+1. */
  private static final String[] SPECS = {
      "2>1 6>5>4>3 fb6", "2>1 6>5>4>3 fb2", "3>2>1 6>5>4 fb6", "3>2>1 6>5>4 fb4>6",
      "2>1 4>3 6>5 fb6", "2>1 4>3 6>5 fb5>6", "2>1 4>3 6>5>3 fb6", "2>1 4>3 6>5>3 fb4",
      "2>1 4>3 6>5>3 fb2", "3>2>1 5>4 6>4 fb3", "3>2>1 5>4 6>4 fb6", "2>1 4>3 5>3 6>3 fb2",
      "2>1 4>3 5>3 6>3 fb6", "2>1 5>4>3 6>4 fb6", "2>1 5>4>3 6>4 fb2", "2>1 4>3>1 6>5>1 fb6",
      "2>1 4>3>1 6>5>1 fb2", "2>1 3>1 6>5>4>1 fb3", "3>2>1 6>4 6>5 fb6", "3>1 3>2 5>4 6>4 fb3",
      "3>1 3>2 6>4 6>5 fb3", "2>1 6>3 6>4 6>5 fb6", "1 3>2 6>4 6>5 fb6", "1 2 6>3 6>4 6>5 fb6",
      "1 2 3 6>4 6>5 fb6", "1 3>2 5>4 6>4 fb6", "1 3>2 5>4 6>4 fb3", "2>1 5>4>3 6 fb5",
      "1 2 4>3 6>5 fb6", "1 2 5>4>3 6 fb5", "1 2 3 4 6>5 fb6", "1 2 3 4 5 6 fb6",
      "6>5>4>3>2>1 fb6"};

  /** Index of the all-parallel algorithm (DX7 32). */
  static final int ADDITIVE = 31;
  /** Index of the six-operator serial stack. */
  static final int SERIAL = 32;
  static final int COUNT = SPECS.length;

  /** {@code MODULATORS[a][op]}: bit j set when operator j+1 modulates operator op+1. */
  static final int[][] MODULATORS = new int[COUNT][OPS];
  /** Bit op set when operator op+1 is heard. */
  static final int[] CARRIERS = new int[COUNT];
  /** 0-based operator whose output is fed back, and the one whose phase it enters. */
  static final int[] FEEDBACK_FROM = new int[COUNT];
  static final int[] FEEDBACK_TO = new int[COUNT];
  /** Names for the algorithm parameter. */
  static final String[] NAMES = new String[COUNT];

  static {
    for (int a = 0; a < COUNT; a++) {
      parse(a, SPECS[a]);
    }
  }

  private Fm6Algorithms() {
  }

  private static void parse(int a, String spec) {
    int outgoing = 0;
    StringBuilder graph = new StringBuilder();
    for (String token : spec.split(" ")) {
      if (token.startsWith("fb")) {
        String[] ends = token.substring(2).split(">");
        FEEDBACK_FROM[a] = op(ends[0], spec);
        FEEDBACK_TO[a] = op(ends[ends.length - 1], spec);
        continue;
      }
      String[] chain = token.split(">");
      for (int i = 0; i + 1 < chain.length; i++) {
        int from = op(chain[i], spec);
        int to = op(chain[i + 1], spec);
        if (from <= to) {
          throw new IllegalStateException("algorithm " + spec
              + ": a modulator must have a higher number than its target, so 6..1 is a valid order");
        }
        MODULATORS[a][to] |= 1 << from;
        outgoing |= 1 << from;
      }
      for (String op : chain) {
        op(op, spec);
      }
      graph.append(graph.isEmpty() ? "" : " ").append(token);
    }
    CARRIERS[a] = ~outgoing & ((1 << OPS) - 1);
    String feedback = FEEDBACK_FROM[a] == FEEDBACK_TO[a] ? "fb " + (FEEDBACK_FROM[a] + 1)
        : "fb " + (FEEDBACK_FROM[a] + 1) + ">" + (FEEDBACK_TO[a] + 1);
    String label = switch (a) {
      case 2 -> ", two 3-op stacks";
      case 4 -> ", three 2-op stacks";
      case ADDITIVE -> ", additive";
      default -> "";
    };
    NAMES[a] = (a == SERIAL ? "Serial" : "DX7 " + (a + 1)) + ": " + graph + " (" + feedback + label + ")";
  }

  private static int op(String number, String spec) {
    int n = Integer.parseInt(number);
    if (n < 1 || n > OPS) {
      throw new IllegalStateException("algorithm " + spec + ": operators are 1..6, not " + n);
    }
    return n - 1;
  }
}
