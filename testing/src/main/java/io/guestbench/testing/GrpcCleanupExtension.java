package io.guestbench.testing;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registers gRPC servers and channels made by a test and shuts them down after it, newest first,
 * failing the test if one does not terminate. Use with {@code @RegisterExtension}.
 */
public final class GrpcCleanupExtension implements AfterEachCallback {
  private final Deque<Object> resources = new ArrayDeque<>();

  public <T extends Server> T register(T server) {
    resources.push(server);
    return server;
  }

  public <T extends ManagedChannel> T register(T channel) {
    resources.push(channel);
    return channel;
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    while (!resources.isEmpty()) {
      Object resource = resources.pop();
      if (resource instanceof ManagedChannel channel) {
        channel.shutdownNow();
        check(channel.awaitTermination(5, TimeUnit.SECONDS), channel);
      } else if (resource instanceof Server server) {
        server.shutdownNow();
        check(server.awaitTermination(5, TimeUnit.SECONDS), server);
      }
    }
  }

  private static void check(boolean terminated, Object resource) {
    if (!terminated) {
      throw new AssertionError(resource + " did not terminate within 5 s");
    }
  }
}
