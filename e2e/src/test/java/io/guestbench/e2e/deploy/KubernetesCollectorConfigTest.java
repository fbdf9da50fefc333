package io.guestbench.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestbench.collector.CollectorMain;
import io.guestbench.collector.CollectorRuntime;
import io.guestbench.collector.config.CollectorConfig;
import io.guestbench.collector.config.CollectorConfigLoader;
import io.guestbench.testing.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector.yaml of deploy/kubernetes is a valid collector config that fits its pod: ports,
 * mounts, shutdown grace within the termination grace period, journal retention within the claim;
 * and a collector started from it answers the pod's probes.
 */
class KubernetesCollectorConfigTest {
  private static final String TLS_DIR = "/etc/guestbench/tls/";
  private static Kustomization k;
  private static JsonNode pod;
  private static JsonNode container;
  private static String configText;
  private static Map<String, String> mounts = new HashMap<>();

  @BeforeAll
  static void read() throws Exception {
    k = Kustomization.read(DeployFiles.path("kubernetes/collector"));
    JsonNode workload = k.only("StatefulSet");
    pod = workload.at("/spec/template/spec");
    container = pod.path("containers").get(0);
    container
        .path("volumeMounts")
        .forEach(m -> mounts.put(m.path("name").asText(), m.path("mountPath").asText()));
    configText = k.configMaps.get("guestbench-collector-config").get("collector.yaml");
    assertThat(configText).isNotNull();
  }

  private static CollectorConfig load(Path dir) throws Exception {
    return loadWithTestTls(configText, dir);
  }

  /** A config text with the Secret's TLS files replaced by a test CA's in {@code dir}, loaded. */
  static CollectorConfig loadWithTestTls(String configText, Path dir) throws Exception {
    TestPki pki = TestPki.create(dir, "k8s");
    TestPki.Issued server = pki.server();
    String text =
        configText
            .replace(TLS_DIR + "tls.crt", server.certFile().toString())
            .replace(TLS_DIR + "tls.key", server.keyFile().toString())
            .replace(TLS_DIR + "ca.crt", pki.caFile().toString());
    assertThat(text).as("every TLS file is one the Secret provides").doesNotContain(TLS_DIR);
    return new CollectorConfigLoader("guestbench-collector-0").parse("collector.yaml", text);
  }

  @Test
  void configFitsThePod(@TempDir Path dir) throws Exception {
    CollectorConfig config = load(dir);
    assertThat(config.grpcPort()).isEqualTo(port("grpc"));
    assertThat(config.httpPort()).isEqualTo(port("http"));
    assertThat(config.bind()).isEqualTo("0.0.0.0");
    assertThat(mounts.get("tls")).isEqualTo(TLS_DIR.substring(0, TLS_DIR.length() - 1));
    // The journal and the price table live on the replica's own claim.
    String state = mounts.get("state");
    assertThat(config.journal().dir().toString()).startsWith(state + "/");
    assertThat(config.pricesFile().toString()).startsWith(state + "/");
    long claim =
        quantity(
            k.only("StatefulSet")
                .at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage")
                .asText());
    assertThat(config.journal().retainBytes() + 2 * config.journal().segmentBytes())
        .as("retained journal + the active segment + room, within the claim")
        .isLessThan(claim);
  }

  @Test
  void terminationGraceCoversTheCollectorsShutdown(@TempDir Path dir) throws Exception {
    CollectorConfig config = load(dir);
    long preStop = container.at("/lifecycle/preStop/sleep/seconds").asLong(0);
    long httpStop = 5; // HttpEndpoints.stop waits at most 5 s for open exchanges
    long margin = 5;
    assertThat(pod.path("terminationGracePeriodSeconds").asLong(30))
        .isGreaterThanOrEqualTo(preStop + config.shutdownGrace().toSeconds() + httpStop + margin);
  }

  @Test
  void aCollectorFromThisConfigAnswersThePodsProbes(@TempDir Path dir) throws Exception {
    CollectorConfig config =
        load(dir).listening("127.0.0.1", 0, 0).journalIn(dir.resolve("journal"));
    CollectorRuntime runtime = CollectorMain.assemble(config);
    runtime.start();
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      for (String probe : new String[] {"startupProbe", "readinessProbe", "livenessProbe"}) {
        JsonNode get = container.path(probe).path("httpGet");
        assertThat(get.path("port").asText()).as(probe).isEqualTo("http");
        URI uri = URI.create("http://127.0.0.1:" + runtime.httpPort() + get.path("path").asText());
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(probe + " " + uri).isEqualTo(200);
      }
    } finally {
      runtime.shutdown();
    }
  }

  private static int port(String name) {
    for (JsonNode p : container.path("ports")) {
      if (p.path("name").asText().equals(name)) {
        return p.path("containerPort").asInt();
      }
    }
    throw new AssertionError("no container port " + name);
  }

  /** A Kubernetes binary quantity such as 10Gi, in bytes. */
  private static long quantity(String text) {
    Map<String, Long> units =
        Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "Ti", 1L << 40);
    String unit = text.replaceAll("^[0-9]+", "");
    return Long.parseLong(text.substring(0, text.length() - unit.length())) * units.get(unit);
  }
}
