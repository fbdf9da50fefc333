package io.guestbench.agent.probe.disk.linux;

import java.util.Map;

/**
 * The errno values the disk probe tells apart or names in messages. Both supported architectures
 * use the kernel's generic numbers ({@code include/uapi/asm-generic/errno-base.h}, {@code
 * errno.h}).
 */
public final class Errno {
  public static final int EPERM = 1;
  public static final int ENOENT = 2;
  public static final int EINTR = 4;
  public static final int EIO = 5;
  public static final int EBADF = 9;
  public static final int ENOMEM = 12;
  public static final int EAGAIN = 11;
  public static final int EACCES = 13;
  public static final int EFAULT = 14;
  public static final int EBUSY = 16;
  public static final int EEXIST = 17;
  public static final int ENODEV = 19;
  public static final int ENOTDIR = 20;
  public static final int EISDIR = 21;
  public static final int EINVAL = 22;
  public static final int EMFILE = 24;
  public static final int EFBIG = 27;
  public static final int ENOSPC = 28;
  public static final int EROFS = 30;
  public static final int ENOSYS = 38;
  public static final int EOPNOTSUPP = 95;
  public static final int EDQUOT = 122;

  private static final Map<Integer, String> NAMES =
      Map.ofEntries(
          Map.entry(EPERM, "EPERM (operation not permitted)"),
          Map.entry(ENOENT, "ENOENT (no such file or directory)"),
          Map.entry(EINTR, "EINTR (interrupted system call)"),
          Map.entry(EIO, "EIO (input/output error)"),
          Map.entry(EBADF, "EBADF (bad file descriptor)"),
          Map.entry(EAGAIN, "EAGAIN (resource temporarily unavailable)"),
          Map.entry(ENOMEM, "ENOMEM (cannot allocate memory)"),
          Map.entry(EACCES, "EACCES (permission denied)"),
          Map.entry(EFAULT, "EFAULT (bad address)"),
          Map.entry(EBUSY, "EBUSY (device or resource busy)"),
          Map.entry(EEXIST, "EEXIST (file exists)"),
          Map.entry(ENODEV, "ENODEV (no such device)"),
          Map.entry(ENOTDIR, "ENOTDIR (not a directory)"),
          Map.entry(EISDIR, "EISDIR (is a directory)"),
          Map.entry(EINVAL, "EINVAL (invalid argument)"),
          Map.entry(EMFILE, "EMFILE (too many open files)"),
          Map.entry(EFBIG, "EFBIG (file too large)"),
          Map.entry(ENOSPC, "ENOSPC (no space left on device)"),
          Map.entry(EROFS, "EROFS (read-only file system)"),
          Map.entry(ENOSYS, "ENOSYS (function not implemented)"),
          Map.entry(EOPNOTSUPP, "EOPNOTSUPP (operation not supported)"),
          Map.entry(EDQUOT, "EDQUOT (disk quota exceeded)"));

  private Errno() {}

  /** The symbolic name and meaning, for example {@code ENOSPC (no space left on device)}. */
  public static String describe(int errno) {
    return NAMES.getOrDefault(errno, "errno " + errno);
  }

  /** The symbolic name alone, for example {@code ENOSPC}, or {@code errno N}. */
  public static String name(int errno) {
    String d = describe(errno);
    int space = d.indexOf(" (");
    return space < 0 ? d : d.substring(0, space);
  }
}
