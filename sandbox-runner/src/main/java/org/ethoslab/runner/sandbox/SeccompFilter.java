package org.ethoslab.runner.sandbox;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A seccomp filter (classic BPF, as bwrap's {@code --seccomp FD} takes it) for every sandbox of a job. It refuses
 * with EPERM the kernel interfaces a lab never needs and that are the usual ways out of a sandbox or into kernel
 * bugs: ptrace and cross-process memory access, bpf, perf events, io_uring, userfaultfd, mounts and namespaces,
 * keyrings, modules, kexec, chroot, swap, reboot, accounting, file handles, and queued signals. Two calls are
 * checked by argument:
 * <ul>
 *   <li>{@code socket}/{@code socketpair} only for the families a JVM uses (Unix, IPv4, IPv6, netlink); any other —
 *   {@code AF_VSOCK} to the hypervisor, packet sockets, Bluetooth — fails with EAFNOSUPPORT;</li>
 *   <li>{@code kill}/{@code tkill}/{@code tgkill} with SIGKILL, SIGTERM or SIGSTOP fail with EPERM: a sandboxed
 *   process cannot kill itself (or its sandbox) with a signal that would read as an outside kill, so a SIGKILL the
 *   runner did not send came from outside the job.</li>
 * </ul>
 * Any other architecture than x86-64 (i386 via int 0x80, the x32 ABI) is killed. Built for x86-64 only: elsewhere
 * the runner runs without it (and says so).
 */
public final class SeccompFilter {

  private static final int AUDIT_ARCH_X86_64 = 0xC000003E;
  private static final int X32_SYSCALL_BIT = 0x40000000;
  private static final int EPERM = 1;
  private static final int EAFNOSUPPORT = 97;
  private static final int RET_ALLOW = 0x7fff0000;
  private static final int RET_ERRNO = 0x00050000;
  private static final int RET_KILL_PROCESS = 0x80000000;
  private static final short LD_W_ABS = 0x20;
  private static final short JEQ_K = 0x15;
  private static final short JGE_K = 0x35;
  private static final short JA = 0x05;
  private static final short RET_K = 0x06;
  /** Offsets in {@code struct seccomp_data}: nr, arch, then args[i] (u64, little-endian: low half first). */
  private static final int NR = 0;
  private static final int ARCH = 4;
  private static final int ARG0 = 16;
  /** x86-64 numbers (asm/unistd_64.h). */
  private static final int[] DENIED_X86_64 = {
      101, 310, 311,          // ptrace, process_vm_readv, process_vm_writev
      321, 298, 323,          // bpf, perf_event_open, userfaultfd
      425, 426, 427,          // io_uring_setup, io_uring_enter, io_uring_register
      165, 166, 155, 161,     // mount, umount2, pivot_root, chroot
      428, 429, 430, 431, 432, 433, 442, // open_tree, move_mount, fsopen, fsconfig, fsmount, fspick, mount_setattr
      272, 308,               // unshare, setns
      248, 249, 250,          // add_key, request_key, keyctl
      175, 313, 176,          // init_module, finit_module, delete_module
      246, 320, 169,          // kexec_load, kexec_file_load, reboot
      167, 168, 163,          // swapon, swapoff, acct
      303, 304,               // name_to_handle_at, open_by_handle_at
      129, 297, 424           // rt_sigqueueinfo, rt_tgsigqueueinfo, pidfd_send_signal
  };
  private static final int SOCKET = 41;
  private static final int SOCKETPAIR = 53;
  private static final int KILL = 62;
  private static final int TKILL = 200;
  private static final int TGKILL = 234;
  /** AF_UNIX, AF_INET, AF_INET6, AF_NETLINK. */
  private static final int[] ALLOWED_FAMILIES = {1, 2, 10, 16};
  /** SIGKILL, SIGTERM, SIGSTOP. */
  private static final int[] REFUSED_SIGNALS = {9, 15, 19};

  private SeccompFilter() {
  }

  /** The filter for this machine, or empty where none is built (not x86-64). */
  public static Optional<byte[]> forThisMachine() {
    String arch = System.getProperty("os.arch");
    return arch.equals("amd64") || arch.equals("x86_64") ? Optional.of(x86_64()) : Optional.empty();
  }

  static byte[] x86_64() {
    Program p = new Program();
    p.load(ARCH);
    p.jumpIf(JEQ_K, AUDIT_ARCH_X86_64, "syscall", null);
    p.ret(RET_KILL_PROCESS);
    p.label("syscall");
    p.load(NR);
    p.jumpIf(JGE_K, X32_SYSCALL_BIT, "eperm", null);
    for (int syscall : DENIED_X86_64) {
      p.jumpIf(JEQ_K, syscall, "eperm", null);
    }
    p.jumpIf(JEQ_K, SOCKET, "family", null);
    p.jumpIf(JEQ_K, SOCKETPAIR, "family", null);
    p.jumpIf(JEQ_K, KILL, "signal-arg1", null);
    p.jumpIf(JEQ_K, TKILL, "signal-arg1", null);
    p.jumpIf(JEQ_K, TGKILL, "signal-arg2", null);
    p.ret(RET_ALLOW);

    p.label("family");
    p.load(ARG0);
    for (int family : ALLOWED_FAMILIES) {
      p.jumpIf(JEQ_K, family, "allow", null);
    }
    p.ret(RET_ERRNO | EAFNOSUPPORT);

    p.label("signal-arg1");
    p.load(ARG0 + 8);
    p.jump("signal");
    p.label("signal-arg2");
    p.load(ARG0 + 16);
    p.label("signal");
    for (int signal : REFUSED_SIGNALS) {
      p.jumpIf(JEQ_K, signal, "eperm", null);
    }
    p.label("allow");
    p.ret(RET_ALLOW);
    p.label("eperm");
    p.ret(RET_ERRNO | EPERM);
    return p.assemble();
  }

  /** A tiny classic-BPF assembler: forward jumps to labels, resolved when assembled. */
  private static final class Program {
    private record Insn(short code, String ifTrue, String ifFalse, int k) {
    }

    private final List<Insn> insns = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();

    void load(int offset) {
      insns.add(new Insn(LD_W_ABS, null, null, offset));
    }

    /** Jumps to {@code ifTrue} when the test holds, else to {@code ifFalse} (null: the next instruction). */
    void jumpIf(short test, int k, String ifTrue, String ifFalse) {
      insns.add(new Insn(test, ifTrue, ifFalse, k));
    }

    void jump(String target) {
      insns.add(new Insn(JA, target, null, 0));
    }

    void ret(int value) {
      insns.add(new Insn(RET_K, null, null, value));
    }

    void label(String name) {
      labels.put(name, insns.size());
    }

    byte[] assemble() {
      ByteBuffer out = ByteBuffer.allocate(insns.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < insns.size(); i++) {
        Insn insn = insns.get(i);
        if (insn.code() == JA) {
          out.putShort(JA).put((byte) 0).put((byte) 0).putInt(offset(i, insn.ifTrue(), Integer.MAX_VALUE));
        } else if (insn.code() == JEQ_K || insn.code() == JGE_K) {
          out.putShort(insn.code()).put((byte) offset(i, insn.ifTrue(), 255))
              .put((byte) offset(i, insn.ifFalse(), 255)).putInt(insn.k());
        } else {
          out.putShort(insn.code()).put((byte) 0).put((byte) 0).putInt(insn.k());
        }
      }
      return out.array();
    }

    private int offset(int from, String label, int max) {
      if (label == null) {
        return 0;
      }
      Integer target = labels.get(label);
      if (target == null || target <= from) {
        throw new IllegalStateException("seccomp jump to unknown or earlier label " + label);
      }
      int jump = target - from - 1;
      if (jump > max) {
        throw new IllegalStateException("seccomp jump too far: " + jump);
      }
      return jump;
    }
  }
}
