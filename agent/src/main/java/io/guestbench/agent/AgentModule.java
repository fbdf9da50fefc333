package io.guestbench.agent;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.guestbench.agent.config.HostName;
import io.guestbench.agent.host.FactSource;
import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.cpu.ComputeProbe;
import io.guestbench.agent.probe.disk.DiskProbe;
import io.guestbench.agent.probe.mem.MemBandwidthProbe;
import io.guestbench.agent.probe.mem.MemLatencyProbe;
import io.guestbench.agent.probe.net.NetCrrProbe;
import io.guestbench.agent.probe.net.NetRrProbe;
import io.guestbench.agent.probe.net.NetStreamProbe;
import io.guestbench.agent.probe.net.NetUdpProbe;
import io.guestbench.agent.probe.os.ClockReadProbe;
import io.guestbench.agent.probe.os.ContextSwitchProbe;
import io.guestbench.agent.probe.os.PageFaultProbe;
import io.guestbench.agent.probe.os.SpawnProbe;
import io.guestbench.agent.probe.os.SyscallProbe;
import io.guestbench.agent.probe.os.TimerFactSource;
import io.guestbench.agent.probe.os.libc.Libc;
import io.guestbench.common.time.Clock;
import java.nio.file.Path;

/** Binds the agent's parts; {@link AgentMain} is the only place that builds it. */
final class AgentModule extends AbstractModule {
  private final Path hostRoot;

  AgentModule(Path hostRoot) {
    this.hostRoot = hostRoot;
  }

  @Override
  protected void configure() {
    bind(Clock.class).toInstance(Clock.system());
    bind(HostFiles.class).toInstance(new HostFiles(hostRoot));
    bind(HostName.class).toInstance(new HostName(hostRoot.resolve("proc/sys/kernel/hostname")));
    // Instance metadata joins at run time; the timer check runs once, when facts are first asked.
    Multibinder<FactSource> facts = Multibinder.newSetBinder(binder(), FactSource.class);
    facts.addBinding().to(TimerFactSource.class).in(Singleton.class);
    Multibinder<Probe> probes = Multibinder.newSetBinder(binder(), Probe.class);
    probes.addBinding().to(ComputeProbe.class);
    probes.addBinding().to(DiskProbe.class);
    probes.addBinding().to(MemBandwidthProbe.class);
    probes.addBinding().to(MemLatencyProbe.class);
    probes.addBinding().to(ClockReadProbe.class);
    probes.addBinding().to(SyscallProbe.class);
    probes.addBinding().to(PageFaultProbe.class);
    probes.addBinding().to(SpawnProbe.class);
    probes.addBinding().to(ContextSwitchProbe.class);
    probes.addBinding().to(NetStreamProbe.class);
    probes.addBinding().to(NetRrProbe.class);
    probes.addBinding().to(NetCrrProbe.class);
    probes.addBinding().to(NetUdpProbe.class);
  }

  /** The C library for the FFM probes; made on first use, so building the graph binds nothing. */
  @Provides
  @Singleton
  Libc libc() {
    return Libc.system();
  }
}
