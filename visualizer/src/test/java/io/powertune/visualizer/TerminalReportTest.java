package io.powertune.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
  void table_unsuitableSize_saysWhy() {
    String table = TerminalReport.render(Fixtures.memoryHungry(), ReportFormat.TABLE);

    assertThat(table).contains("128 MB  unsuitable: ran out of memory (Runtime.OutOfMemory)");
  }
}
