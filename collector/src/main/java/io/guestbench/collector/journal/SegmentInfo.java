package io.guestbench.collector.journal;

import java.nio.file.Path;

/**
 * A closed segment as retention sees it.
 *
 * @param newestUnixNano stored time of its newest record, 0 when it holds none
 */
record SegmentInfo(long number, Path path, long bytes, long newestUnixNano) {}
