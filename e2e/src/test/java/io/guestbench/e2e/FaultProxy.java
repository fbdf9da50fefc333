package io.guestbench.e2e;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.guestbench.proto.v1.AgentMessage;
import io.guestbench.proto.v1.CollectorMessage;
import io.guestbench.proto.v1.CollectorServiceGrpc;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A gRPC proxy between agents and the collector that breaks things the way a network does: it
 * resets streams right after forwarding a batch (so the collector may store what the agent never
 * hears about) and loses acks. It forwards to whichever collector port it was last given, so the
 * collector can be killed and restarted behind it; while there is none, streams fail UNAVAILABLE.
 */
final class FaultProxy implements AutoCloseable {
  /**
   * @param resetAfterBatch chance that a stream is reset right after a batch is forwarded
   * @param ackLoss chance that an ack from the collector is not passed on
   */
  record Faults(double resetAfterBatch, double ackLoss) {
    static final Faults NONE = new Faults(0, 0);
  }

  final AtomicLong streams = new AtomicLong();
  final AtomicLong resets = new AtomicLong();
  final AtomicLong acksLost = new AtomicLong();
  private final Server server;
  private final SplittableRandom random;
  private volatile Faults faults = Faults.NONE;
  private volatile ManagedChannel upstream;

  private FaultProxy(long seed) throws Exception {
    this.random = new SplittableRandom(seed);
    this.server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(new Forwarder())
            .build()
            .start();
  }

  static FaultProxy start(long seed) throws Exception {
    return new FaultProxy(seed);
  }

  int port() {
    return server.getPort();
  }

  void faults(Faults next) {
    faults = next;
  }

  /** Sends new streams to the collector on {@code port}; 0 means there is none. */
  void forwardTo(int port) {
    ManagedChannel old = upstream;
    upstream =
        port == 0
            ? null
            : ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    if (old != null) {
      old.shutdownNow();
    }
  }

  private boolean roll(double chance) {
    if (chance <= 0) {
      return false;
    }
    synchronized (random) {
      return random.nextDouble() < chance;
    }
  }

  @Override
  public void close() throws InterruptedException {
    forwardTo(0);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private final class Forwarder extends CollectorServiceGrpc.CollectorServiceImplBase {
    @Override
    public StreamObserver<AgentMessage> connect(StreamObserver<CollectorMessage> toAgent) {
      streams.incrementAndGet();
      ManagedChannel channel = upstream;
      Pipe pipe = new Pipe(toAgent);
      if (channel == null) {
        pipe.fail(Status.UNAVAILABLE.withDescription("proxy: no collector behind it"));
        return pipe.ignoreAgent();
      }
      pipe.toCollector = CollectorServiceGrpc.newStub(channel).connect(pipe.fromCollector());
      return pipe.fromAgent();
    }
  }

  /** One proxied stream; either side's end, or a reset, ends both once. */
  private final class Pipe {
    private final StreamObserver<CollectorMessage> toAgent;
    private StreamObserver<AgentMessage> toCollector;
    private boolean closed;
    private boolean collectorEnded;

    Pipe(StreamObserver<CollectorMessage> toAgent) {
      this.toAgent = toAgent;
    }

    synchronized void toAgent(CollectorMessage m) {
      if (closed) {
        return;
      }
      if (m.hasAck() && roll(faults.ackLoss())) {
        acksLost.incrementAndGet();
        return;
      }
      toAgent.onNext(m);
    }

    synchronized void toCollector(AgentMessage m) {
      if (closed) {
        return;
      }
      toCollector.onNext(m);
      if (m.hasBatch() && roll(faults.resetAfterBatch())) {
        resets.incrementAndGet();
        reset();
      }
    }

    synchronized void fail(Status status) {
      if (!closed) {
        closed = true;
        toAgent.onError(status.asRuntimeException());
      }
    }

    synchronized void completeAgent() {
      if (!closed) {
        closed = true;
        toAgent.onCompleted();
      }
    }

    synchronized void endCollectorSide(Throwable error) {
      if (toCollector == null || collectorEnded) {
        return;
      }
      collectorEnded = true;
      if (error == null) {
        toCollector.onCompleted();
      } else {
        toCollector.onError(error);
      }
    }

    private synchronized void markCollectorEnded() {
      collectorEnded = true;
    }

    private void reset() {
      endCollectorSide(Status.CANCELLED.withDescription("proxy reset").asRuntimeException());
      fail(Status.UNAVAILABLE.withDescription("proxy reset the stream"));
    }

    StreamObserver<CollectorMessage> fromCollector() {
      return new StreamObserver<>() {
        @Override
        public void onNext(CollectorMessage m) {
          toAgent(m);
        }

        @Override
        public void onError(Throwable t) {
          markCollectorEnded();
          fail(Status.fromThrowable(t));
        }

        @Override
        public void onCompleted() {
          markCollectorEnded();
          completeAgent();
        }
      };
    }

    StreamObserver<AgentMessage> fromAgent() {
      return new StreamObserver<>() {
        @Override
        public void onNext(AgentMessage m) {
          toCollector(m);
        }

        @Override
        public void onError(Throwable t) {
          endCollectorSide(
              Status.CANCELLED.withDescription("agent went away").asRuntimeException());
        }

        @Override
        public void onCompleted() {
          endCollectorSide(null);
        }
      };
    }

    StreamObserver<AgentMessage> ignoreAgent() {
      return new StreamObserver<>() {
        @Override
        public void onNext(AgentMessage m) {}

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {}
      };
    }
  }
}
