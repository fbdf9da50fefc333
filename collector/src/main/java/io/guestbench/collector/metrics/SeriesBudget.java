package io.guestbench.collector.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-agent and global limits on exposed series, enforced before a result is stored. A result is
 * charged, once, for every series its probe configuration could add (the catalogue bounds that), so
 * a result admitted now can always be recorded later, and a flood of label values from one agent
 * cannot crowd out the others. Charges are returned when the agent's series are removed.
 */
final class SeriesBudget {
  private final long perAgent;
  private final long global;
  private final AtomicLong charged = new AtomicLong();
  private final ConcurrentHashMap<String, Account> accounts = new ConcurrentHashMap<>();

  /** What one agent has been charged for. Guarded by itself. */
  private static final class Account {
    final Set<List<String>> keys = new HashSet<>();
    long charged;
  }

  SeriesBudget(long perAgent, long global) {
    if (perAgent < 1 || global < perAgent) {
      throw new IllegalArgumentException("budgets " + perAgent + " per agent, " + global);
    }
    this.perAgent = perAgent;
    this.global = global;
  }

  /**
   * Charges {@code agentId} for the keys it has not been charged for yet, each at its cost, or
   * refuses with the budget that would be exceeded.
   */
  Optional<Problem> admit(String agentId, List<Charge> charges) {
    return admit(accounts.computeIfAbsent(agentId, id -> new Account()), charges);
  }

  /**
   * {@link #admit(String, List)} of a label set's charges, remembering the account that holds them:
   * a live account never loses a key, so the next result with the same labels costs one look-up.
   */
  Optional<Problem> admit(String agentId, ProbeLabels labels) {
    Account account = accounts.computeIfAbsent(agentId, id -> new Account());
    if (labels.chargedTo == account) {
      return Optional.empty();
    }
    Optional<Problem> refused = admit(account, labels.charges);
    if (refused.isEmpty()) {
      labels.chargedTo = account;
    }
    return refused;
  }

  private Optional<Problem> admit(Account account, List<Charge> charges) {
    synchronized (account) {
      long cost = 0;
      for (Charge c : charges) {
        cost += account.keys.contains(c.key()) ? 0 : c.series();
      }
      if (cost == 0) {
        return Optional.empty();
      }
      if (account.charged + cost > perAgent) {
        return Optional.of(refusal(Problem.Reason.AGENT_SERIES_BUDGET, perAgent, "this agent"));
      }
      if (!chargeGlobally(cost)) {
        return Optional.of(refusal(Problem.Reason.SERIES_BUDGET, global, "this collector"));
      }
      charges.forEach(c -> account.keys.add(c.key()));
      account.charged += cost;
      return Optional.empty();
    }
  }

  /** Returns everything {@code agentId} was charged; its series are gone. */
  void release(String agentId) {
    Account account = accounts.remove(agentId);
    if (account != null) {
      synchronized (account) {
        charged.addAndGet(-account.charged);
      }
    }
  }

  /** Series charged across all agents. */
  long charged() {
    return charged.get();
  }

  long global() {
    return global;
  }

  private boolean chargeGlobally(long cost) {
    while (true) {
      long now = charged.get();
      if (now + cost > global) {
        return false;
      }
      if (charged.compareAndSet(now, now + cost)) {
        return true;
      }
    }
  }

  private static Problem refusal(Problem.Reason reason, long budget, String whose) {
    return new Problem(
        reason, "new series would exceed the budget of " + budget + " series for " + whose);
  }

  /** A group of series one result may create, identified by {@code key}. */
  record Charge(List<String> key, int series) {}
}
