package io.guestbench.collector.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The journal directory's segment files, {@code 00000000000000000001.gbj} and up: the number is the
 * order of writing, zero-padded so names sort the same way.
 */
final class SegmentFiles {
  private static final Pattern NAME = Pattern.compile("(\\d{20})\\.gbj");

  private SegmentFiles() {}

  /** One segment file. */
  record Ref(long number, Path path) {}

  static Path path(Path dir, long number) {
    return dir.resolve("%020d.gbj".formatted(number));
  }

  /** Every segment file, oldest first; other files are left alone. */
  static List<Ref> list(Path dir) throws IOException {
    List<Ref> refs = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.gbj")) {
      for (Path p : files) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (m.matches() && Files.isRegularFile(p)) {
          refs.add(new Ref(Long.parseLong(m.group(1)), p));
        }
      }
    }
    refs.sort(Comparator.comparingLong(Ref::number));
    return refs;
  }

  /** Makes created, renamed or deleted entries of {@code dir} durable. */
  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
