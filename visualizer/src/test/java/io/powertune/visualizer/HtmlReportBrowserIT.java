package io.powertune.visualizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.analyzer.tuning.TuningAnalysis;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a browser shows it: Debian's Chromium, headless, opens the file, draws it, and
 * records every network request it makes. The page must make none: the requests Chromium makes for
 * itself (updates, time) have no page as initiator and are told apart.
 */
class HtmlReportBrowserIT {

  private static final String CHROMIUM = "chromium";

  @TempDir Path dir;

  @BeforeAll
  static void needsChromium() {
    boolean present = onPath(CHROMIUM);
    if (!present) {
      System.out.println(
          "HtmlReportBrowserIT skipped: no chromium on the PATH (apt-get install chromium)");
    }
    assumeTrue(present, "no chromium on the PATH");
  }

  @Test
  void report_drawsTheChartTableAndRecommendation_andRequestsNothing() throws Exception {
    TuningAnalysis result = Fixtures.memoryHungryAdaptive();
    Path page = Files.writeString(dir.resolve("report.html"), HtmlReport.render(result));
    Path screenshot = dir.resolve("screenshot.png");
    Path netlog = dir.resolve("netlog.json");

    run("--window-size=1100,1800", "--screenshot=" + screenshot, page.toUri().toString());
    String dom = run("--log-net-log=" + netlog, "--dump-dom", page.toUri().toString());

    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertThat(image.getWidth()).isEqualTo(1100);
    assertThat(image.getHeight()).isEqualTo(1800);
    assertThat(colours(image)).as("a drawn page, not a blank one").isGreaterThan(50);
    assertThat(dom).contains("<figure id=\"chart\">").containsPattern("<svg[^>]*>");
    assertThat(Pattern.compile("<tr class=\"size").matcher(dom).results().count())
        .isEqualTo(result.sizes().size());
    assertThat(dom).contains(Html.escape(result.recommendation()));
    assertThat(Pattern.compile("<tr class=\"sampled").matcher(dom).results().count())
        .isEqualTo(result.sampling().invocationsPerSize().size());
    assertThat(pageRequests(netlog)).isEmpty();
  }

  @Test
  void netLog_seesARequestAPageMakes() throws Exception {
    Path page =
        Files.writeString(
            dir.resolve("control.html"), "<p>control</p><img src=\"http://127.0.0.1:9/x.png\">");
    Path netlog = dir.resolve("control-netlog.json");

    run("--log-net-log=" + netlog, "--dump-dom", page.toUri().toString());

    assertThat(pageRequests(netlog)).containsExactly("http://127.0.0.1:9/x.png");
  }

  /** The URLs of requests a page initiated, from Chromium's net log. */
  private static List<String> pageRequests(Path netlog) throws IOException {
    JsonNode log = new ObjectMapper().readTree(netlog.toFile());
    int startJob = log.at("/constants/logEventTypes/URL_REQUEST_START_JOB").asInt();
    List<String> urls = new ArrayList<>();
    for (JsonNode event : log.path("events")) {
      JsonNode params = event.path("params");
      if (event.path("type").asInt() == startJob
          && params.has("url")
          && !"not an origin".equals(params.path("initiator").asText())) {
        urls.add(params.path("url").asText());
      }
    }
    return urls;
  }

  /** Runs a headless Chromium with a fresh profile; returns what it printed. */
  private String run(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "chromium", ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(process.exitValue()).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static int colours(BufferedImage image) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  private static boolean onPath(String program) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(folder, program))) {
        return true;
      }
    }
    return false;
  }
}
