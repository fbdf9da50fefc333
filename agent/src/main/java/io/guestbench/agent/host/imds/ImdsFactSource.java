package io.guestbench.agent.host.imds;

import io.guestbench.agent.host.FactSource;
import java.util.List;
import java.util.Map;

/** EC2 instance metadata as a fact source; its notes say why a fact is missing. */
public final class ImdsFactSource implements FactSource {
  private final ImdsClient client;
  private final String endpoint;
  private volatile List<String> notes = List.of();

  public ImdsFactSource(ImdsClient client, ImdsSettings settings) {
    this.client = client;
    this.endpoint = settings.endpoint().toString();
  }

  @Override
  public Map<String, String> facts() {
    ImdsFacts found = client.lookup();
    notes = found.notes();
    return found.facts();
  }

  @Override
  public List<String> notes() {
    return notes.stream().map(n -> endpoint + ": " + n).toList();
  }

  @Override
  public String name() {
    return "imds";
  }
}
