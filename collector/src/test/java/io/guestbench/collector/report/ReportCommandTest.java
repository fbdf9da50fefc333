package io.guestbench.collector.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code collector report} over a real journal, in each format, and with bad input. */
class ReportCommandTest {
  @TempDir Path dir;

  private String[] args(String... more) {
    List<String> all =
        new java.util.ArrayList<>(List.of("report", "--journal-dir", dir.toString()));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void findsTheSlowerGroupItsDirectionAndItsTroubleInJson() throws Exception {
    ReportJournal.write(dir, 12, 0.8, 3);

    CollectorCli.Run r = CollectorCli.run(args("--format", "json"));

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("by").asText()).isEqualTo("virt_type");
    assertThat(json.path("reference").asText()).isEqualTo("xen-hvm");
    JsonNode ops = row(json, "guestbench_cpu_compute_ops_per_second");
    assertThat(ops.path("config").asText()).isEqualTo("cpu.compute kernel=int");
    assertThat(ops.path("direction").asText()).isEqualTo("higher_is_faster");
    JsonNode pv = ops.path("comparisons").get(0);
    assertThat(pv.path("group").asText()).isEqualTo("xen-pv");
    assertThat(pv.path("outcome").asText()).isEqualTo("worse");
    assertThat(pv.path("ratio").path("estimate").asDouble()).isBetween(0.77, 0.83);
    assertThat(pv.path("ratio").path("upper").asDouble()).isLessThan(1);
    assertThat(pv.path("verdict").asText()).contains("slower");
    JsonNode trouble = json.path("trouble");
    assertThat(trouble.get(0).path("group").asText()).isEqualTo("xen-hvm");
    assertThat(trouble.get(0).path("errors").asLong()).isZero();
    assertThat(trouble.get(1).path("errors").asLong()).isEqualTo(6);
    assertThat(trouble.get(1).path("agents").asInt()).isEqualTo(2);
    assertThat(trouble.get(1).path("failures_per_agent_hour").asDouble()).isPositive();
    assertThat(trouble.get(1).path("risky_facts_agents").toString())
        .isEqualTo("{\"no_sriov\":2,\"old_kernel\":2,\"xen_clocksource\":2}");
    assertThat(trouble.get(0).path("risky_facts_agents").toString()).isEqualTo("{}");
    assertThat(trouble.get(0).path("reconnects").asLong()).isZero();
    assertThat(trouble.get(1).path("reconnects").asLong())
        .as("each pv agent reconnected")
        .isEqualTo(2);
    assertThat(json.path("runs").asLong()).isEqualTo(4 * 12 + 6);
    JsonNode cost = json.path("cost");
    assertThat(cost.path("groups").get(0).path("dollars_per_hour").asDouble()).isEqualTo(0.067);
    assertThat(cost.path("groups").get(0).path("words").asText())
        .contains("m3.medium", "us-east-1", "2017-11");
    JsonNode perDollar = cost.path("work_per_dollar").get(0);
    assertThat(perDollar.path("metric").asText())
        .isEqualTo("guestbench_cpu_compute_ops_per_second");
    assertThat(perDollar.path("groups").get(1).path("vs_reference").path("estimate").asDouble())
        .as("same price, so work per dollar has the speed ratio")
        .isEqualTo(pv.path("ratio").path("estimate").asDouble());
  }

  @Test
  void equalGroupsAreNoSignificantDifferenceInMarkdown() throws Exception {
    ReportJournal.write(dir, 12, 1.0, 0);

    CollectorCli.Run r = CollectorCli.run(args());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("# guestbench: virt_type side by side")
        .contains(
            "## Speed",
            "## Trouble",
            "| cpu.compute kernel=int | guestbench_cpu_compute_ops_per_second |")
        .contains("no significant difference");
  }

  @Test
  void csvHasALinePerGroupAndRow() throws Exception {
    ReportJournal.write(dir, 6, 0.8, 0);

    CollectorCli.Run r =
        CollectorCli.run(args("--format", "csv", "--by", "agent_id", "--reference", "xen-hvm-0"));

    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.getFirst()).isEqualTo(AnswerCsv.HEADER);
    assertThat(lines)
        .filteredOn(
            l -> l.startsWith("cpu.compute kernel=int,guestbench_cpu_compute_ops_per_second,"))
        .hasSize(4);
  }

  @Test
  void anUnknownLabelOrOneGroupSaysWhatIsMissingAndStillReports() throws Exception {
    ReportJournal.write(dir, 6, 0.8, 0);

    CollectorCli.Run unknown = CollectorCli.run(args("--by", "flavour"));
    CollectorCli.Run single = CollectorCli.run(args("--by", "instance_type"));

    assertThat(unknown.exit()).isZero();
    assertThat(unknown.out()).contains("compare.by: flavour (expected: a label the runs carry:");
    assertThat(single.exit()).isZero();
    assertThat(single.out())
        .contains("only one group, instance_type=m3.medium")
        .contains("## Trouble");
  }

  @Test
  void anyAgentLabelOrHostFactGroupsTheRuns() throws Exception {
    ReportJournal.write(dir, 6, 0.8, 0);

    CollectorCli.Run byFact = CollectorCli.run(args("--by", "clocksource", "--format", "json"));
    CollectorCli.Run byLabel = CollectorCli.run(args("--by", "team", "--format", "json"));

    JsonNode fact = new ObjectMapper().readTree(byFact.out());
    assertThat(fact.path("groups").toString()).isEqualTo("[\"tsc\",\"xen\"]");
    assertThat(new ObjectMapper().readTree(byLabel.out()).path("problems").get(0).asText())
        .startsWith("only one group, team=storage");
  }

  @Test
  void badFlagsAndAMissingJournalAreOneLineErrors() {
    CollectorCli.Run format = CollectorCli.run(args("--format", "xml"));
    CollectorCli.Run since = CollectorCli.run(args("--since", "yesterday"));
    CollectorCli.Run missing =
        CollectorCli.run("report", "--journal-dir", dir.resolve("nope").toString());

    assertThat(format.exit()).isEqualTo(2);
    assertThat(format.err().strip())
        .isEqualTo("guestbench collector report: --format: xml (expected: md, json, csv or html)");
    assertThat(since.exit()).isEqualTo(2);
    assertThat(since.err()).contains("--since: yesterday (expected: a duration");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("does not exist").hasLineCount(1);
  }

  @Test
  void anEmptyJournalSaysThereIsNothingToCompare() throws Exception {
    ReportJournal.write(dir, 0, 1.0, 0);

    CollectorCli.Run r = CollectorCli.run(args("--format", "json"));

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("no observations: nothing to compare");
  }

  private static JsonNode row(JsonNode json, String metric) {
    for (JsonNode row : json.path("speed")) {
      if (row.path("metric").asText().equals(metric)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + metric + " in " + json);
  }
}
