package io.powertune.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.analyzer.adaptive.AdaptiveSampling;
import io.powertune.analyzer.adaptive.RaceRound;
import io.powertune.analyzer.adaptive.SamplingSettings;
import io.powertune.analyzer.adaptive.SizeInterval;
import io.powertune.analyzer.tuning.TuningAnalysis;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report's section on adaptive sampling. */
class SamplingSectionTest {

  @Test
  void render_speed_saysWhatTheRacePickedAndSpent_andEverySizesRound() {
    TuningAnalysis result = Fixtures.cpuBoundAdaptive();
    String html = HtmlReport.render(result);

    assertThat(html)
        .contains("<h2 id=\"sampling\">Adaptive sampling</h2>")
        .contains("The race picked 3008 MB (tied with 1536 MB), 97.3% sure that no size beats it")
        .contains(
            "it stopped (no size left beats the pick by more than the tie tolerance) after 65 invocations in 3 rounds,")
        .contains("would have needed num 40 at each size, 240 invocations in all.")
        .contains("<table id=\"sampling-sizes\">")
        .contains("<th>duration (ms)</th><th>95% interval</th><th>in the race</th>")
        .contains(
            "Each round after the first measured the pick and the sizes that could still beat it")
        .doesNotContain("Every balanced score is divided by");
    assertThat(count(html, "<tr class=\"sampled")).isEqualTo(6);
    assertThat(html)
        .contains(
            "<tr class=\"sampled dropped\" data-memory=\"128\"><td>128 MB</td><td>5</td><td>691.04</td><td>680.10 to 702.30</td><td>dropped after round 1</td></tr>")
        .contains(
            "<tr class=\"sampled dropped\" data-memory=\"1024\"><td>1024 MB</td><td>10</td><td>79.67</td><td>78.50 to 80.90</td><td>dropped after round 2</td></tr>")
        .contains(
            "<tr class=\"sampled tied\" data-memory=\"1536\"><td>1536 MB</td><td>20</td><td>54.49</td><td>48.10 to 55.20</td><td>tied with the pick; in the race to the end</td></tr>")
        .contains(
            "<tr class=\"sampled pick\" data-memory=\"3008\"><td>3008 MB</td><td>20</td><td>48.90</td><td>48.20 to 49.60</td><td>picked; in the race to the end</td></tr>");
    assertThat(count(html, "<tr class=\"size")).isEqualTo(result.sizes().size());
    assertThat(html)
        .contains("The bars are the race's 95% intervals")
        .doesNotContain("intervals of\nthe mean of the warm invocations");
    // the size table's interval is the race's: 3008 MB's 48.2 to 49.6 ms around 48.9
    assertThat(Interval.of(result, result.size(3008).orElseThrow()).low())
        .isCloseTo(48.2 / 48.9, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void section_balanced_scoresWithThreeDecimals_andAnUnusableSizeLeftOut() {
    String section = SamplingSection.html(Fixtures.memoryHungryAdaptive());

    assertThat(section)
        .contains("The race picked 1769 MB, 95% sure")
        .contains(
            "Every balanced score is divided by the slowest size's duration and the costliest"
                + " size's cost, so those two sizes followed the pick's invocations until the race"
                + " was decided, dropped or not.")
        .contains("<th>balanced score</th>")
        .contains(
            "<tr class=\"sampled unsuitable\" data-memory=\"128\"><td>128 MB</td><td>1</td><td colspan=\"3\">unusable: left out of the race</td></tr>")
        .contains(
            "<tr class=\"sampled dropped\" data-memory=\"1024\"><td>1024 MB</td><td>10</td><td>0.301</td><td>0.290 to 0.313</td><td>dropped after round 2</td></tr>")
        .contains("<td>0.233</td><td>0.224 to 0.242</td><td>picked; in the race to the end</td>")
        .contains("How the durations were estimated: duration model a + s/min(m,1769)");
    assertThat(count(section, "<tr class=\"sampled")).isEqualTo(5);
  }

  @Test
  void section_cost_pricesAsDollars() {
    TuningAnalysis run =
        ComparisonTest.run(512, ComparisonTest.size(256, 100, 2), ComparisonTest.size(512, 50, 1));
    AdaptiveSampling sampling =
        new AdaptiveSampling(
            AdaptiveSampling.ADAPTIVE,
            512,
            List.of(512),
            0.99,
            RaceRound.MAX_NUM,
            1,
            100,
            Map.of(256, 50, 512, 50),
            new AdaptiveSampling.FixedEquivalent(50, 100),
            SamplingSettings.DEFAULTS,
            "each size on its own runs",
            List.of(
                new SizeInterval(256, 50, 2.1e-6, 2.0e-6, 2.2e-6, null),
                new SizeInterval(512, 50, 2.0e-6, 1.95e-6, 2.05e-6, null)));

    String section = SamplingSection.html(Fixtures.withSampling(run, sampling));

    assertThat(section)
        .contains("after 100 invocations in 1 round,")
        .contains("<th>cost/invocation</th>")
        .contains(
            "<td>$0.0000021</td><td>$0.000002 to $0.0000022</td><td>in the race to the end</td>")
        .contains(
            "<td>$0.000002</td><td>$0.00000195 to $0.00000205</td><td>picked; in the race to the end</td>");
  }

  @Test
  void render_fixedNum_hasNoSamplingSection() {
    String html = HtmlReport.render(Fixtures.cpuBound());

    assertThat(html)
        .contains("The bars are 95% intervals of\nthe mean of the warm invocations.")
        .doesNotContain("id=\"sampling")
        .doesNotContain("Adaptive sampling")
        .doesNotContain("class=\"sampled");
    assertThat(SamplingSection.html(Fixtures.memoryHungry())).isEmpty();
  }

  @Test
  void percent_roundsDown_withoutTrailingZeros() {
    assertThat(Numbers.percent(0.95)).isEqualTo("95%");
    assertThat(Numbers.percent(0.9734)).isEqualTo("97.3%");
    assertThat(Numbers.percent(0.99999)).isEqualTo("99.9%");
    assertThat(Numbers.percent(1)).isEqualTo("100%");
    assertThat(Numbers.percent(0.01)).isEqualTo("1%");
  }

  private static int count(String html, String text) {
    return html.split(Pattern.quote(text), -1).length - 1;
  }
}
