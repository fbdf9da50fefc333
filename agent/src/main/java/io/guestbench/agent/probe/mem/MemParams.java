package io.guestbench.agent.probe.mem;

import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.method.MethodParams;
import java.util.HashMap;
import java.util.Map;

/**
 * The memory probes' parameters: the method's, a buffer size (0 or absent: sized from the
 * last-level cache) and, for bandwidth, the kernel.
 *
 * @param method how to measure
 * @param kernel the STREAM kernel's label, or null for the latency probe
 * @param bytesKey {@code array_bytes} or {@code buffer_bytes}
 * @param bytes the size asked for, or 0 for the automatic one
 */
record MemParams(MethodParams method, String kernel, String bytesKey, long bytes) {
  static final String KERNEL = "kernel";
  static final String ARRAY_BYTES = "array_bytes";
  static final String BUFFER_BYTES = "buffer_bytes";
  static final String LLC_BYTES = "llc_bytes";

  static final long MIN_BYTES = 1L << 20;
  static final long MAX_BYTES = 16L << 30;

  /** With {@code kernelKey} null the probe has no kernel and its size key is buffer_bytes. */
  static MemParams read(ParamReader reader, String kernelKey, MethodParams defaults) {
    String kernel =
        kernelKey == null
            ? null
            : reader.choice(kernelKey, StreamKernel.COPY.label(), StreamKernel.labels());
    String key = kernelKey == null ? BUFFER_BYTES : ARRAY_BYTES;
    long bytes = reader.number(key, 0, 0, MAX_BYTES);
    if (bytes != 0 && (bytes < MIN_BYTES || bytes % 64 != 0)) {
      reader.reject(key, "0 (sized from the cache) or a multiple of 64 from " + MIN_BYTES);
      bytes = 0;
    }
    return new MemParams(MethodParams.read(reader, defaults), kernel, key, bytes);
  }

  /** The size asked for, or {@code automatic} when none was. */
  long bytesOr(long automatic) {
    return bytes == 0 ? automatic : bytes;
  }

  /** The parameters as they go into a result: the size used, and the cache size it came from. */
  Map<String, String> asMap(long used, CacheInfo cache) {
    Map<String, String> map = new HashMap<>(method.asMap());
    if (kernel != null) {
      map.put(KERNEL, kernel);
    }
    map.put(bytesKey, Long.toString(used));
    cache.llcBytes().ifPresent(llc -> map.put(LLC_BYTES, Long.toString(llc)));
    return map;
  }
}
