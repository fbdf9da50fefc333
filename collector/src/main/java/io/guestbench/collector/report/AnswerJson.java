package io.guestbench.collector.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guestbench.collector.compare.CompareOptions;
import io.guestbench.collector.compare.CompareReport;
import io.guestbench.collector.compare.Comparison;
import io.guestbench.collector.compare.GroupResult;
import io.guestbench.collector.compare.Row;
import io.guestbench.collector.compare.Summary;
import io.guestbench.collector.compare.Warning;
import io.guestbench.collector.cost.CostReport;
import io.guestbench.collector.cost.GroupPrice;
import io.guestbench.collector.cost.RowCost;
import io.guestbench.collector.cost.WorkPerDollar;

/**
 * The answer as JSON, the shape of {@code /api/v1/compare} and {@code report --format json}.
 * Numbers that could not be computed (a spread of one run) are {@code null}, never NaN.
 */
public final class AnswerJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AnswerJson() {}

  public static String render(Answer answer) {
    try {
      return MAPPER.writeValueAsString(tree(answer)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the answer does not serialise", e);
    }
  }

  static ObjectNode tree(Answer answer) {
    CompareReport speed = answer.speed();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("source", answer.source());
    root.put("generated", answer.generated().toString());
    root.put("runs", answer.runs());
    root.put("by", speed.by());
    root.put("reference", speed.reference());
    speed.groups().forEach(root.putArray("groups")::add);
    root.set("options", options(speed.options()));
    ArrayNode rows = root.putArray("speed");
    speed.rows().forEach(r -> rows.add(row(r)));
    ArrayNode trouble = root.putArray("trouble");
    answer.trouble().forEach(t -> trouble.add(trouble(t)));
    answer.cost().ifPresent(c -> root.set("cost", cost(c)));
    speed.problems().forEach(root.putArray("problems")::add);
    answer.notes().forEach(root.putArray("notes")::add);
    return root;
  }

  private static ObjectNode cost(CostReport c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("prices", c.tableOrigin());
    ArrayNode groups = n.putArray("groups");
    for (GroupPrice g : c.groups()) {
      ObjectNode e = groups.addObject();
      e.put("group", g.group());
      g.instanceTypes().forEach(e.putArray("instance_types")::add);
      g.price()
          .ifPresentOrElse(
              p -> e.put("dollars_per_hour", p.perHour()), () -> e.putNull("dollars_per_hour"));
      e.put("words", g.words());
    }
    ArrayNode rows = n.putArray("work_per_dollar");
    for (RowCost r : c.rows()) {
      ObjectNode row = rows.addObject();
      row.put("config", r.config());
      row.put("metric", r.metric());
      ArrayNode per = row.putArray("groups");
      for (WorkPerDollar w : r.groups()) {
        ObjectNode e = per.addObject();
        e.put("group", w.group());
        if (w.perDollarHour().isPresent()) {
          number(e, "per_dollar_hour", w.perDollarHour().getAsDouble());
        } else {
          e.putNull("per_dollar_hour");
        }
        w.vsReference()
            .ifPresent(
                v -> {
                  ObjectNode vs = e.putObject("vs_reference");
                  number(vs, "estimate", v.estimate());
                  number(vs, "lower", v.lower());
                  number(vs, "upper", v.upper());
                });
        e.put("words", w.words());
      }
    }
    return n;
  }

  private static ObjectNode options(CompareOptions o) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("resamples", o.resamples());
    n.put("seed", o.seed());
    n.put("confidence", o.confidence());
    n.put("alpha", o.alpha());
    n.put("min_runs", o.minRuns());
    n.put("max_cv", o.maxCv());
    n.put("max_steal", o.maxSteal());
    return n;
  }

  private static ObjectNode row(Row r) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("config", r.config());
    n.put("metric", r.metric());
    n.put("direction", r.direction().name().toLowerCase(java.util.Locale.ROOT));
    ArrayNode groups = n.putArray("groups");
    r.groups().forEach(g -> groups.add(group(g)));
    ArrayNode comparisons = n.putArray("comparisons");
    r.comparisons().forEach(c -> comparisons.add(comparison(c)));
    ArrayNode warnings = n.putArray("warnings");
    for (Warning w : r.warnings()) {
      warnings
          .addObject()
          .put("kind", w.kind().name().toLowerCase(java.util.Locale.ROOT))
          .put("message", w.message());
    }
    return n;
  }

  private static ObjectNode group(GroupResult g) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("group", g.group());
    n.put("runs", g.runs());
    n.put("steal_excluded", g.stealExcluded());
    if (g.summary().isPresent()) {
      Summary s = g.summary().get();
      number(n, "median", s.median());
      number(n, "q1", s.q1());
      number(n, "q3", s.q3());
      number(n, "iqr", s.iqr());
      number(n, "cv", s.cv());
    }
    return n;
  }

  private static ObjectNode comparison(Comparison c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("group", c.group());
    n.put("reference", c.reference());
    c.ratio()
        .ifPresent(
            ratio -> {
              ObjectNode r = n.putObject("ratio");
              number(r, "estimate", ratio.estimate());
              number(r, "lower", ratio.lower());
              number(r, "upper", ratio.upper());
              r.put("confidence", ratio.confidence());
              r.put("resamples", ratio.resamples());
            });
    c.test()
        .ifPresent(
            t -> {
              ObjectNode r = n.putObject("rank_test");
              number(r, "u", t.u());
              number(r, "p", t.p());
              r.put("exact", t.exact());
            });
    n.put("outcome", c.verdict().outcome().name().toLowerCase(java.util.Locale.ROOT));
    n.put("verdict", c.verdict().text());
    return n;
  }

  private static ObjectNode trouble(GroupTrouble t) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("group", t.group());
    n.put("agents", t.agents());
    n.put("runs", t.runs());
    n.put("errors", t.errors());
    n.put("timeouts", t.timeouts());
    number(n, "agent_hours", t.agentHours());
    number(n, "failures_per_agent_hour", t.failuresPerAgentHour());
    number(n, "median_steal", t.medianSteal());
    n.put("runs_over_steal_cap", t.stealyRuns());
    n.put("tail_excursions", t.tailExcursions());
    if (t.reconnects() >= 0) {
      n.put("reconnects", t.reconnects());
    } else {
      n.putNull("reconnects");
    }
    number(n, "reconnects_per_agent_hour", t.reconnectsPerAgentHour());
    ObjectNode risky = n.putObject("risky_facts_agents");
    t.riskyFacts().forEach(risky::put);
    return n;
  }

  private static void number(ObjectNode n, String key, double value) {
    if (Double.isFinite(value)) {
      n.put(key, value);
    } else {
      n.putNull(key);
    }
  }
}
