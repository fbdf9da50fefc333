package io.guestbench.agent;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.guestbench.agent.config.HostName;
import io.guestbench.agent.host.FactSource;
import io.guestbench.agent.host.HostFiles;
import io.guestbench.agent.probe.Probe;
import io.guestbench.agent.probe.cpu.ComputeProbe;
import io.guestbench.agent.probe.net.NetCrrProbe;
import io.guestbench.agent.probe.net.NetRrProbe;
import io.guestbench.agent.probe.net.NetStreamProbe;
import io.guestbench.agent.probe.net.NetUdpProbe;
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
    // Further fact sources (instance metadata) are added to this set; detection needs none.
    Multibinder.newSetBinder(binder(), FactSource.class);
    Multibinder<Probe> probes = Multibinder.newSetBinder(binder(), Probe.class);
    probes.addBinding().to(ComputeProbe.class);
    probes.addBinding().to(NetStreamProbe.class);
    probes.addBinding().to(NetRrProbe.class);
    probes.addBinding().to(NetCrrProbe.class);
    probes.addBinding().to(NetUdpProbe.class);
  }
}
