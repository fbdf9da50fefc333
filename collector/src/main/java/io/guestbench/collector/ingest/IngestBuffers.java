package io.guestbench.collector.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.function.ToDoubleFunction;

/**
 * The gRPC server's buffer pool, made as gRPC makes its own (pooled, direct, Netty's default arenas
 * and caches, 2 MiB chunks) but owned here so that what it holds is a metric: under a backlog the
 * streams' unread bytes grow it outside the heap, where no heap flag bounds or pre-touches it.
 */
final class IngestBuffers {
  /** 8 KiB pages << 8: gRPC's chunk size, which it sets unless io.netty.allocator.maxOrder is. */
  private static final int GRPC_MAX_ORDER = 8;

  private static final String DESCRIPTION =
      "Memory the gRPC server's buffer pool holds (chunks of its arenas and unpooled large"
          + " buffers); direct is outside the Java heap.";

  private IngestBuffers() {}

  static PooledByteBufAllocator create() {
    int maxOrder =
        System.getProperty("io.netty.allocator.maxOrder") == null
            ? GRPC_MAX_ORDER
            : PooledByteBufAllocator.defaultMaxOrder();
    boolean direct = PooledByteBufAllocator.defaultPreferDirect();
    return new PooledByteBufAllocator(
        direct,
        PooledByteBufAllocator.defaultNumHeapArena(),
        direct ? PooledByteBufAllocator.defaultNumDirectArena() : 0,
        PooledByteBufAllocator.defaultPageSize(),
        maxOrder,
        PooledByteBufAllocator.defaultSmallCacheSize(),
        PooledByteBufAllocator.defaultNormalCacheSize(),
        PooledByteBufAllocator.defaultUseCacheForAllThreads());
  }

  /** {@code guestbench_collector_grpc_buffer_bytes{memory=direct|heap}}. */
  static void bindMetrics(PooledByteBufAllocator allocator, MeterRegistry meters) {
    gauge(meters, "direct", allocator, a -> a.metric().usedDirectMemory());
    gauge(meters, "heap", allocator, a -> a.metric().usedHeapMemory());
  }

  private static void gauge(
      MeterRegistry meters,
      String memory,
      PooledByteBufAllocator allocator,
      ToDoubleFunction<PooledByteBufAllocator> bytes) {
    Gauge.builder("guestbench.collector.grpc.buffer.bytes", allocator, bytes)
        .tag("memory", memory)
        .description(DESCRIPTION)
        .register(meters);
  }
}
