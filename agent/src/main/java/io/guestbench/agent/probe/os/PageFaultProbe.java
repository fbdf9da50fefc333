package io.guestbench.agent.probe.os;

import static io.guestbench.agent.probe.method.MethodResults.scalar;
import static io.guestbench.agent.probe.method.MethodResults.seconds;

import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.probe.ParamReader;
import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.ProbeResults;
import io.guestbench.agent.probe.ProbeRun;
import io.guestbench.agent.probe.method.Figure;
import io.guestbench.agent.probe.method.Measurement;
import io.guestbench.agent.probe.method.Measurer;
import io.guestbench.agent.probe.method.MethodParams;
import io.guestbench.agent.probe.method.MethodResults;
import io.guestbench.agent.probe.method.Subject;
import io.guestbench.agent.probe.os.libc.Bound;
import io.guestbench.agent.probe.os.libc.Libc;
import io.guestbench.proto.v1.ProbeKind;
import io.guestbench.proto.v1.ProbeResult;
import jakarta.inject.Inject;
import java.lang.foreign.Arena;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cost of a page fault on fresh anonymous memory, per 4 KiB page touched. By default the memory
 * is advised against huge pages so each page faults on its own whatever the THP mode, which the
 * result records either way.
 */
public final class PageFaultProbe implements Probe {
  public static final String REGION_BYTES = "region_bytes";
  public static final String HUGEPAGES = "hugepages";
  public static final String THP = "thp";

  static final long DEFAULT_REGION = 64L << 20;
  static final long MIN_REGION = 64L << 10;
  static final long MAX_REGION = 1L << 30;

  private final Libc libc;
  private final Measurer measurer;
  private final HostFiles host;

  @Inject
  public PageFaultProbe(Libc libc, Measurer measurer, HostFiles host) {
    this.libc = Objects.requireNonNull(libc, "libc");
    this.measurer = Objects.requireNonNull(measurer, "measurer");
    this.host = Objects.requireNonNull(host, "host");
  }

  @Override
  public ProbeKind kind() {
    return ProbeKind.PROBE_KIND_OS;
  }

  @Override
  public String name() {
    return "page_fault";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public List<String> check(Map<String, String> params) {
    ParamReader reader = new ParamReader(params);
    Params.read(reader);
    return reader.problems();
  }

  @Override
  public ProbeResult run(ProbeRun run) throws InterruptedException {
    ParamReader reader = new ParamReader(run.params());
    Params params = Params.read(reader);
    if (!reader.problems().isEmpty()) {
      return ProbeResults.failed(this, run, Map.of(), String.join("; ", reader.problems()));
    }
    Map<String, String> asMap = params.asMap(Thp.mode(host));
    try (Arena arena = Arena.ofConfined()) {
      return switch (AnonymousMemory.bind(libc, arena)) {
        case Bound.Missing<AnonymousMemory> m -> ProbeResults.skipped(this, run, asMap, m.reason());
        case Bound.Ok<AnonymousMemory> ok -> measure(run, params, asMap, ok.value());
      };
    }
  }

  private ProbeResult measure(
      ProbeRun run, Params params, Map<String, String> asMap, AnonymousMemory memory)
      throws InterruptedException {
    try (PageTouch touch = new PageTouch(memory, params.regionBytes(), params.noHugePages())) {
      run.progress().report("page_fault: touching fresh pages");
      Measurement m =
          measurer.measure(
              List.of(new Subject("page", touch)), Figure.SINGLE, params.method(), run.progress());
      return MethodResults.ok(this, run, asMap, m)
          .addScalars(scalar("fault_seconds", seconds(m.figureNanos())))
          .addDistributions(m.main().picosPerOp().toDistribution("fault_picos"))
          .build();
    } catch (PageTouch.MappingFailed e) {
      return ProbeResults.failed(this, run, asMap, e.getMessage());
    }
  }

  private record Params(MethodParams method, long regionBytes, boolean noHugePages) {
    static Params read(ParamReader reader) {
      long region = reader.number(REGION_BYTES, DEFAULT_REGION, MIN_REGION, MAX_REGION);
      if (region % PageTouch.PAGE_BYTES != 0) {
        reader.reject(REGION_BYTES, "a multiple of 4096");
        region = DEFAULT_REGION;
      }
      String huge = reader.choice(HUGEPAGES, "off", List.of("off", "system"));
      return new Params(
          MethodParams.read(reader, MethodParams.DEFAULTS), region, huge.equals("off"));
    }

    Map<String, String> asMap(String thp) {
      Map<String, String> map = new HashMap<>(method.asMap());
      map.put(REGION_BYTES, Long.toString(regionBytes));
      map.put(HUGEPAGES, noHugePages ? "off" : "system");
      map.put(THP, thp);
      return map;
    }
  }
}
