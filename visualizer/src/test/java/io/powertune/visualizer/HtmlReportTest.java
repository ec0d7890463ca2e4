package io.powertune.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.analyzer.tuning.TuningAnalysis;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  private final TuningAnalysis result = Fixtures.memoryHungry();
  private final String html = HtmlReport.render(result);

  @Test
  void render_holdsTheChartTheTableAndTheRecommendation() {
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("</svg>");
    assertThat(count("<tr class=\"size")).isEqualTo(result.sizes().size());
    assertThat(html)
        .contains("<tr class=\"size unsuitable\" data-memory=\"128\">")
        .contains("<tr class=\"size pick\" data-memory=\"" + result.power() + "\">")
        .contains(Html.escape(result.recommendation()))
        .contains("id=\"strategies\"")
        .contains("id=\"pareto\"")
        .contains("id=\"run-cost\"");
  }

  @Test
  void render_loadsNothing_theViewerIsOnlyALink() {
    assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("@import");
    assertThat(html).doesNotContainPattern("src\\s*=").doesNotContainPattern("url\\((?!#)");
    Matcher links = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
    int viewer = 0;
    while (links.find()) {
      String target = links.group(1);
      assertThat(target)
          .as("a link within the page, or the viewer")
          .matches("#.*|https://lambda-power-tuning\\.show/#.*");
      viewer += target.startsWith("https://") ? 1 : 0;
    }
    assertThat(viewer).isEqualTo(1);
  }

  @Test
  void escape_makesTextSafe() {
    assertThat(Html.escape("<a href=\"x\">'&'</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  }

  private int count(String text) {
    return html.split(Pattern.quote(text), -1).length - 1;
  }
}
