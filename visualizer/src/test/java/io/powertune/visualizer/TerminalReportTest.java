package io.powertune.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.analyzer.adaptive.AdaptiveSampling;
import io.powertune.analyzer.adaptive.RaceRound;
import io.powertune.analyzer.tuning.TuningAnalysis;
import io.powertune.analyzer.tuning.TuningResults;
import org.junit.jupiter.api.Test;

class TerminalReportTest {

  private final TuningAnalysis result = Fixtures.cpuBound();

  @Test
  void table_oneRowPerSize_thePickMarked_thenTheHeadline() {
    String table = TerminalReport.render(result, ReportFormat.TABLE);

    assertThat(table.lines().filter(l -> l.matches("\\s+\\d+ MB\\s+[\\d.]+ .*"))).hasSize(6);
    assertThat(table)
        .contains("cost/invocation  per 1M invocations  max memory used  cold starts  errors")
        .contains("<- speed pick")
        .contains("12 of 3008 MB")
        .contains(Headline.of(result))
        .contains(result.recommendation());
  }

  @Test
  void markdown_isATableForPullRequests() {
    String markdown = TerminalReport.render(result, ReportFormat.MARKDOWN);

    assertThat(markdown).startsWith("**" + Headline.of(result) + "**");
    assertThat(markdown.lines().filter(l -> l.startsWith("| ") && l.contains(" MB |"))).hasSize(6);
    assertThat(markdown).contains("|---:|---:|").contains("| **3008 MB** (pick) |");
  }

  @Test
  void json_isTheResultItself() throws Exception {
    String json = TerminalReport.render(result, ReportFormat.JSON);

    assertThat(TuningResults.read(new ObjectMapper().readTree(json), "json")).isEqualTo(result);
  }

  @Test
  void table_andMarkdown_adaptive_sayWhatTheRacePickedAndSpent() {
    TuningAnalysis adaptive = Fixtures.cpuBoundAdaptive();
    String line =
        "adaptive sampling: 3008 MB picked (tied with 1536 MB) with 97.3% confidence after 3 rounds, 65 invocations (a fixed run of the same accuracy: num 40, 240 invocations); stopped: no size left beats the pick by more than the tie tolerance";

    assertThat(TerminalReport.render(adaptive, ReportFormat.TABLE).lines()).contains(line);
    assertThat(TerminalReport.render(adaptive, ReportFormat.MARKDOWN).lines()).contains(line);
    assertThat(TerminalReport.render(result, ReportFormat.TABLE))
        .doesNotContain("adaptive sampling");
    assertThat(TerminalReport.render(result, ReportFormat.MARKDOWN))
        .doesNotContain("adaptive sampling");
  }

  @Test
  void table_adaptive_belowTheRequestedConfidence_saysSoAndWhatToDo() {
    AdaptiveSampling sure = Fixtures.cpuBoundAdaptive().sampling();
    AdaptiveSampling unsure =
        new AdaptiveSampling(
            sure.mode(),
            sure.pick(),
            sure.tied(),
            0.691,
            RaceRound.ONE_LEFT,
            sure.rounds(),
            sure.invocations(),
            sure.invocationsPerSize(),
            sure.fixedEquivalent(),
            sure.settings(),
            sure.estimate(),
            sure.sizes());

    String table =
        TerminalReport.render(
            Fixtures.withSampling(Fixtures.cpuBound(), unsure), ReportFormat.TABLE);

    assertThat(table)
        .contains("with 69.1% confidence")
        .contains(
            "stopped: one size left; below the requested confidence: the final estimates leave"
                + " some chance that another size beats the pick by more than the tie tolerance;"
                + " narrow powerValues to the sizes near the pick, or raise minNum or maxNum, to"
                + " settle it");
    assertThat(TerminalReport.render(Fixtures.cpuBoundAdaptive(), ReportFormat.TABLE))
        .doesNotContain("below the requested confidence");
  }

  @Test
  void json_adaptive_keepsTheSampling() throws Exception {
    TuningAnalysis adaptive = Fixtures.cpuBoundAdaptive();
    String json = TerminalReport.render(adaptive, ReportFormat.JSON);

    assertThat(json).contains("\"sampling\"").contains("\"droppedInRound\" : 2");
    assertThat(TuningResults.read(new ObjectMapper().readTree(json), "json")).isEqualTo(adaptive);
    assertThat(TerminalReport.render(result, ReportFormat.JSON)).doesNotContain("\"sampling\"");
  }

  @Test
  void table_unsuitableSize_saysWhy() {
    String table = TerminalReport.render(Fixtures.memoryHungry(), ReportFormat.TABLE);

    assertThat(table).contains("128 MB  unsuitable: ran out of memory (Runtime.OutOfMemory)");
  }

  /** The CPU-bound result with its first size's contended runs. */
  private static TuningAnalysis contended(int rerun, int corrected) throws Exception {
    com.fasterxml.jackson.databind.JsonNode tree =
        new ObjectMapper().valueToTree(Fixtures.cpuBound());
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("sizes").get(0))
        .putObject("contended")
        .put("rerun", rerun)
        .put("corrected", corrected);
    return TuningResults.read(tree, "contended");
  }

  @Test
  void notes_sayHowManyRunsWereContended_rerunAndKept() throws Exception {
    TuningAnalysis result = contended(3, 1);

    assertThat(TerminalReport.notes(result))
        .anySatisfy(
            note ->
                assertThat(note)
                    .startsWith("3 invocation run(s) waited for a CPU busy with other work")
                    .endsWith(
                        "1 stayed contended after every rerun and count with that wait taken off their duration"));
    assertThat(TerminalReport.notes(Fixtures.cpuBound()))
        .noneSatisfy(note -> assertThat(note).contains("busy with other work"));
  }

  @Test
  void notes_correctedWithoutReruns_sayOnlyThat() throws Exception {
    TuningAnalysis result = contended(0, 3);

    assertThat(TerminalReport.notes(result))
        .contains(
            "3 invocation(s) waited for a CPU busy with other work (over 5% of their duration) and"
                + " count with that wait taken off their duration");
  }
}
