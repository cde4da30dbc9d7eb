package org.patchwork.sdk.testkit.internal;

import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.ExceptionCatch;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LookupSwitchInstruction;
import java.lang.classfile.instruction.MonitorInstruction;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.classfile.instruction.TableSwitchInstruction;
import java.lang.classfile.instruction.ThrowInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDesc;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.patchwork.sdk.testkit.RealTimeRules.Kind;
import org.patchwork.sdk.testkit.RealTimeRules.Violation;

/**
 * Walks the call graph breadth first from the entry methods, so each violation is reported
 * with the shortest path that reaches it, and checks every instruction of every method it
 * reaches. Classes are followed only inside the scope; calls leaving it are judged by
 * {@link Rules} and by the callee's {@code synchronized} flag.
 */
public final class Walker {

  private static final String CONCAT = "java/lang/invoke/StringConcatFactory";
  private static final String LAMBDA = "java/lang/invoke/LambdaMetafactory";

  private record Node(String owner, String name, String desc) {
  }

  private record Pending(Kind kind, String detail) {
  }

  private final ClassIndex index;
  private final Rules rules;
  private final Map<String, List<String>> bindings;
  private final Map<Node, Node> parent = new LinkedHashMap<>();
  private final Map<Node, MethodModel> methods = new LinkedHashMap<>();
  private final ArrayDeque<Node> queue = new ArrayDeque<>();
  private final Map<String, Violation> found = new LinkedHashMap<>();
  private final Map<String, List<String>> implementations = new HashMap<>();

  /**
   * @param bindings for an interface or class (internal name), the only implementations calls
   *     on it may reach; calls on other types in scope reach every implementation in scope
   */
  public Walker(ClassIndex index, Rules rules, Map<String, List<String>> bindings) {
    this.index = index;
    this.rules = rules;
    this.bindings = bindings;
  }

  /**
   * Checks everything reachable from {@code owner.name desc}; a null {@code desc} means every
   * method of that name declared in {@code owner}.
   *
   * @throws IllegalArgumentException when no such method exists
   */
  public void entry(String owner, String name, String desc) {
    List<String> descs = new ArrayList<>();
    if (desc != null) {
      descs.add(desc);
    } else {
      for (MethodModel m : index.declared(owner, name)) {
        descs.add(m.methodType().stringValue());
      }
    }
    int roots = 0;
    for (String d : descs) {
      for (ClassIndex.Found f : targets(Opcode.INVOKEVIRTUAL, owner, name, d)) {
        roots += enqueue(f, name, d, null) ? 1 : 0;
      }
    }
    if (roots == 0) {
      throw new IllegalArgumentException("no method " + owner.replace('/', '.') + "." + name
          + (desc == null ? "" : desc) + " with a body was found in the scanned classes");
    }
  }

  /** Runs the walk; returns every violation, each with its shortest path. */
  public List<Violation> run() {
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      check(n, methods.get(n));
    }
    return List.copyOf(found.values());
  }

  /** Concrete classes in scope that are, extend or implement {@code type}, sorted by name. */
  public List<String> implementationsInScope(String type) {
    return implementations.computeIfAbsent(type, t -> {
      List<String> result = new ArrayList<>();
      for (String c : index.scopeClasses()) {
        if (index.isConcrete(c) && index.isSubtype(c, t)) {
          result.add(c);
        }
      }
      return List.copyOf(result);
    });
  }

  private static boolean isJdk(String internalName) {
    return internalName.startsWith("java/") || internalName.startsWith("javax/") || internalName.startsWith("jdk/")
        || internalName.startsWith("sun/") || internalName.startsWith("com/sun/");
  }

  private void check(Node n, MethodModel m) {
    if (m.flags().has(AccessFlag.SYNCHRONIZED)) {
      report(n, Kind.LOCK, "synchronized method");
    }
    CodeModel code = m.code().orElse(null);
    if (code == null) {
      return;
    }
    Set<Label> blockStarts = blockStarts(code);
    // Findings that only allocate are held until the end of their basic block: a block that
    // ends in athrow is a failure path (building an exception message), not steady state.
    List<Pending> pending = new ArrayList<>();
    // Code under `assert` runs only with -ea, never in production: skipped. javac compiles it
    // as getstatic $assertionsDisabled; ifne END; ...; END:
    boolean assertGuard = false;
    Label skipTo = null;
    for (CodeElement e : code) {
      if (skipTo != null) {
        if (e instanceof LabelTarget t && t.label().equals(skipTo)) {
          skipTo = null;
        } else {
          continue;
        }
      }
      if (assertGuard && e instanceof Instruction) {
        assertGuard = false;
        if (e instanceof BranchInstruction b && b.opcode() == Opcode.IFNE) {
          skipTo = b.target();
          continue;
        }
      }
      switch (e) {
        case FieldInstruction f when f.opcode() == Opcode.GETSTATIC && f.name().equalsString("$assertionsDisabled") ->
            assertGuard = true;
        case LabelTarget t when blockStarts.contains(t.label()) -> flush(n, pending);
        case ThrowInstruction t -> pending.clear();
        case BranchInstruction b -> flush(n, pending);
        case ReturnInstruction r -> flush(n, pending);
        case TableSwitchInstruction s -> flush(n, pending);
        case LookupSwitchInstruction s -> flush(n, pending);
        case MonitorInstruction mi when mi.opcode() == Opcode.MONITORENTER -> report(n, Kind.LOCK, "monitorenter");
        case FieldInstruction f when f.opcode() == Opcode.GETSTATIC && f.owner().asInternalName().equals("java/lang/System") -> {
          String field = f.name().stringValue();
          if (field.equals("out") || field.equals("err")) {
            report(n, Kind.LOGGING, "reads java.lang.System." + field);
          } else if (field.equals("in")) {
            report(n, Kind.IO, "reads java.lang.System.in");
          }
        }
        case InvokeInstruction i -> call(n, i.opcode(), i.owner().asInternalName(), i.name().stringValue(),
            i.type().stringValue(), pending);
        case InvokeDynamicInstruction d -> indy(n, d, pending);
        default -> { }
      }
    }
    flush(n, pending);
  }

  private void indy(Node n, InvokeDynamicInstruction d, List<Pending> pending) {
    String bootstrap = internal(d.bootstrapMethod().owner().descriptorString());
    if (bootstrap.equals(CONCAT)) {
      pending.add(new Pending(Kind.ALLOCATION, "string concatenation (invokedynamic)"));
    } else if (bootstrap.equals(LAMBDA)) {
      String iface = internal(d.typeSymbol().returnType().descriptorString()).replace('/', '.');
      if (d.typeSymbol().parameterCount() > 0) {
        pending.add(new Pending(Kind.ALLOCATION, "capturing lambda (invokedynamic): " + iface));
      }
      // The lambda's body runs when the functional interface is called, most likely on the same
      // path: follow it as if it were called here.
      List<ConstantDesc> args = d.bootstrapArgs();
      if (args.size() > 1 && args.get(1) instanceof DirectMethodHandleDesc impl) {
        Opcode op = switch (impl.kind()) {
          case VIRTUAL -> Opcode.INVOKEVIRTUAL;
          case INTERFACE_VIRTUAL -> Opcode.INVOKEINTERFACE;
          default -> Opcode.INVOKESTATIC;
        };
        call(n, op, internal(impl.owner().descriptorString()), impl.methodName(), impl.lookupDescriptor(), pending);
      }
    }
  }

  private void call(Node from, Opcode op, String owner, String name, String desc, List<Pending> pending) {
    if (judged(from, owner, name, pending)) {
      return;
    }
    List<ClassIndex.Found> targets = targets(op, owner, name, desc);
    if (targets.isEmpty() && index.inScope(owner) && !bindings.containsKey(owner)) {
      report(from, Kind.UNRESOLVED, "cannot find " + owner.replace('/', '.') + "." + name + desc);
    }
    for (ClassIndex.Found t : targets) {
      if (!t.owner().equals(owner) && judged(from, t.owner(), name, pending)) {
        continue;
      }
      enqueue(t, name, desc, from);
    }
  }

  /** Applies the allow and deny rules to a callee; true when that settles it. */
  private boolean judged(Node from, String owner, String name, List<Pending> pending) {
    Rules.Verdict v = rules.verdict(owner, name);
    if (v == null) {
      return false;
    }
    if (!v.allowed()) {
      String detail = "calls " + owner.replace('/', '.') + "." + name;
      if (v.kind() == Kind.ALLOCATION) {
        pending.add(new Pending(v.kind(), detail));
      } else {
        report(from, v.kind(), detail);
      }
    }
    return true;
  }

  private List<ClassIndex.Found> targets(Opcode op, String owner, String name, String desc) {
    Set<String> receivers = new LinkedHashSet<>();
    boolean virtual = op == Opcode.INVOKEVIRTUAL || op == Opcode.INVOKEINTERFACE;
    if (virtual && bindings.containsKey(owner)) {
      receivers.addAll(bindings.get(owner));
    } else if (virtual && !name.equals("<init>") && (index.inScope(owner) || !isJdk(owner))) {
      // Class-hierarchy analysis over the scanned classes. Also for a library or SDK type
      // (ProcessContext, implemented by the engine), but not for a JDK type: Object.hashCode or
      // Runnable.run would reach every implementation in scope, almost none of them really.
      receivers.addAll(implementationsInScope(owner));
      receivers.add(owner);
    } else {
      receivers.add(owner);
    }
    List<ClassIndex.Found> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String r : receivers) {
      ClassIndex.Found f = index.resolve(r, name, desc);
      if (f != null && seen.add(f.owner())) {
        result.add(f);
      }
    }
    return result;
  }

  /** Queues a method to be checked if it is followed; judges it at the call if not. */
  private boolean enqueue(ClassIndex.Found f, String name, String desc, Node from) {
    Node n = new Node(f.owner(), name, desc);
    MethodModel m = f.method();
    boolean hasBody = m.code().isPresent();
    if (!index.inScope(f.owner()) || !hasBody) {
      if (from != null && m.flags().has(AccessFlag.SYNCHRONIZED)) {
        report(from, Kind.LOCK, "calls synchronized " + display(n));
      }
      return false;
    }
    if (name.equals("<clinit>") || methods.containsKey(n)) {
      return true;
    }
    methods.put(n, m);
    parent.put(n, from);
    queue.add(n);
    return true;
  }

  private void flush(Node n, List<Pending> pending) {
    for (Pending p : pending) {
      report(n, p.kind(), p.detail());
    }
    pending.clear();
  }

  private void report(Node at, Kind kind, String detail) {
    String key = at + "|" + kind + "|" + detail;
    if (found.containsKey(key)) {
      return;
    }
    List<String> path = new ArrayList<>();
    for (Node n = at; n != null; n = parent.get(n)) {
      path.addFirst(display(n));
    }
    found.put(key, new Violation(kind, path, detail));
  }

  /** {@code a.b.C.name}, with the parameter types when C overloads the name. */
  private String display(Node n) {
    String s = n.owner().replace('/', '.') + "." + n.name();
    if (index.declared(n.owner(), n.name()).size() > 1) {
      s += MethodTypeDesc.ofDescriptor(n.desc()).parameterList().stream()
          .map(ClassDesc::displayName).collect(Collectors.joining(", ", "(", ")"));
    }
    return s;
  }

  private static Set<Label> blockStarts(CodeModel code) {
    Set<Label> starts = new HashSet<>();
    for (CodeElement e : code) {
      switch (e) {
        case BranchInstruction b -> starts.add(b.target());
        case TableSwitchInstruction s -> {
          starts.add(s.defaultTarget());
          s.cases().stream().map(SwitchCase::target).forEach(starts::add);
        }
        case LookupSwitchInstruction s -> {
          starts.add(s.defaultTarget());
          s.cases().stream().map(SwitchCase::target).forEach(starts::add);
        }
        case ExceptionCatch c -> starts.add(c.handler());
        default -> { }
      }
    }
    return starts;
  }

  private static String internal(String descriptor) {
    return descriptor.startsWith("L") && descriptor.endsWith(";")
        ? descriptor.substring(1, descriptor.length() - 1) : descriptor;
  }
}
