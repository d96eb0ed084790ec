package org.ethoslab.runner.sandbox;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * A seccomp filter (classic BPF, as bwrap's {@code --seccomp FD} takes it) that refuses the kernel interfaces a lab
 * never needs and that are the usual ways out of a sandbox or into kernel bugs: ptrace and cross-process memory
 * access, bpf, perf events, io_uring, userfaultfd, mounts and namespaces, keyrings, modules, kexec, chroot, swap,
 * reboot, accounting and file handles. They fail with EPERM (the JVM and DJL were measured to work without them);
 * any other architecture than x86-64 (i386 via int 0x80, the x32 ABI) is killed. Built for x86-64 only: elsewhere
 * the runner runs without it (and says so).
 */
public final class SeccompFilter {

  private static final int AUDIT_ARCH_X86_64 = 0xC000003E;
  private static final int X32_SYSCALL_BIT = 0x40000000;
  private static final int EPERM = 1;
  private static final int RET_ALLOW = 0x7fff0000;
  private static final int RET_ERRNO = 0x00050000;
  private static final int RET_KILL_PROCESS = 0x80000000;
  private static final short LD_W_ABS = 0x20;
  private static final short JEQ_K = 0x15;
  private static final short JGE_K = 0x35;
  private static final short RET_K = 0x06;
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
      303, 304                // name_to_handle_at, open_by_handle_at
  };

  private SeccompFilter() {
  }

  /** The filter for this machine, or empty where none is built (not x86-64). */
  public static Optional<byte[]> forThisMachine() {
    String arch = System.getProperty("os.arch");
    return arch.equals("amd64") || arch.equals("x86_64") ? Optional.of(x86_64()) : Optional.empty();
  }

  static byte[] x86_64() {
    int count = 5 + DENIED_X86_64.length + 2;
    ByteBuffer program = ByteBuffer.allocate(count * 8).order(ByteOrder.LITTLE_ENDIAN);
    int errno = count - 1;
    int index = 0;
    index = put(program, index, LD_W_ABS, 0, 0, 4);                        // A = seccomp_data.arch
    index = put(program, index, JEQ_K, 1, 0, AUDIT_ARCH_X86_64);           // x86-64: skip the kill
    index = put(program, index, RET_K, 0, 0, RET_KILL_PROCESS);
    index = put(program, index, LD_W_ABS, 0, 0, 0);                        // A = seccomp_data.nr
    index = put(program, index, JGE_K, errno - index - 1, 0, X32_SYSCALL_BIT);
    for (int syscall : DENIED_X86_64) {
      index = put(program, index, JEQ_K, errno - index - 1, 0, syscall);
    }
    index = put(program, index, RET_K, 0, 0, RET_ALLOW);
    put(program, index, RET_K, 0, 0, RET_ERRNO | EPERM);
    return program.array();
  }

  private static int put(ByteBuffer program, int index, short code, int jt, int jf, int k) {
    if (jt > 255 || jf > 255) {
      throw new IllegalStateException("seccomp jump too far: " + jt);
    }
    program.putShort(code).put((byte) jt).put((byte) jf).putInt(k);
    return index + 1;
  }
}
