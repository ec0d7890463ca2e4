package io.powertune.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the commands the README shows, as written, in bash from the repository's root: the first
 * command at its top, and every {@code bash} block that works on this machine alone (those that
 * start a platform). Paths under /tmp are moved into a folder of the test's own, and the state
 * directory of the first command with {@code -Duser.home}. Blocks that need an AWS account are not
 * run; {@link #readme_hasTheBlocksThisTestRuns} fails when the README changes under it.
 */
class ReadmeCommandsIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern BASH_BLOCK = Pattern.compile("(?s)```bash\\n(.*?)```");
  private static final String LOCAL_BLOCK_START = "./powertune platform --state-dir /tmp/pt &";

  private static String readme;

  @TempDir Path tmp;

  @BeforeAll
  static void read() throws IOException {
    readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
  }

  private record Result(int exitCode, String out) {}

  /** The README's bash blocks that start a platform of their own. */
  private static List<String> localBlocks() {
    List<String> blocks = new ArrayList<>();
    Matcher m = BASH_BLOCK.matcher(readme);
    while (m.find()) {
      if (m.group(1).startsWith(LOCAL_BLOCK_START)) {
        blocks.add(m.group(1));
      }
    }
    return blocks;
  }

  /** The first indented command under the README's title: the main job. */
  private static String mainCommand() {
    return readme
        .lines()
        .filter(line -> line.startsWith("    ./powertune tune "))
        .findFirst()
        .orElseThrow()
        .strip();
  }

  /** A README block with its paths under /tmp moved into the test's folder. */
  private String moved(String block) {
    return block.replace("/tmp/", tmp.toString() + "/");
  }

  private Result bash(String script, String... environment) throws Exception {
    // the platform a block starts in the background ends with the script
    String wrapped =
        "set -euo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n" + script;
    File output = tmp.resolve("output.txt").toFile();
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", wrapped)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output);
    for (int i = 0; i < environment.length; i += 2) {
      builder.environment().put(environment[i], environment[i + 1]);
    }
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("the commands did not end: " + Files.readString(output.toPath()));
    }
    return new Result(process.exitValue(), Files.readString(output.toPath()));
  }

  @Test
  void readme_hasTheBlocksThisTestRuns() {
    assertThat(localBlocks()).as("the README's local bash blocks").hasSize(2);
    assertThat(mainCommand()).contains("--deploy examples/functions/cpu-python");
  }

  @Test
  void theMainCommand_tunesTheExampleForReal() throws Exception {
    Result result =
        bash(
            mainCommand() + " --out " + tmp.resolve("out"),
            "POWERTUNE_JAVA_OPTS",
            "-Duser.home=" + tmp);

    assertThat(result.exitCode()).as(result.out()).isZero();
    assertThat(result.out()).contains("is the fastest");
    assertThat(tmp.resolve("out/result.json")).exists();
    assertThat(tmp.resolve(".powertune/state.db")).as("state kept in the test's folder").exists();
  }

  @Test
  void theAwsCliBlock_createsAndInvokesAFunction() throws Exception {
    assumeTrue(onPath("aws"), "the AWS CLI is not installed (.ci/run installs it)");
    assumeTrue(onPath("zip"), "zip is not installed");
    String block =
        localBlocks().stream()
            .filter(b -> b.contains("aws lambda invoke"))
            .findFirst()
            .orElseThrow();

    Path written = ROOT.resolve("out.json"); // where the README's invoke writes the payload
    try {
      Result result = bash(moved(block));

      assertThat(result.exitCode()).as(result.out()).isZero();
      assertThat(result.out()).contains("START RequestId: ").contains("REPORT RequestId: ");
      assertThat(Files.readString(written)).contains("Hello, you!");
    } finally {
      Files.deleteIfExists(written);
    }
  }

  @Test
  void theStartExecutionBlock_tunesAndStartsTheStateMachine() throws Exception {
    assumeTrue(onPath("aws"), "the AWS CLI is not installed (.ci/run installs it)");
    String block =
        localBlocks().stream()
            .filter(b -> b.contains("aws stepfunctions start-execution"))
            .findFirst()
            .orElseThrow();

    Result result = bash(moved(block));

    assertThat(result.exitCode()).as(result.out()).isZero();
    assertThat(result.out())
        .contains("is the cheapest")
        .contains("\"executionArn\": \"arn:aws:states:us-east-1:000000000000:execution:powertune:");
  }

  private static boolean onPath(String command) throws Exception {
    return new ProcessBuilder("bash", "-c", "command -v " + command).start().waitFor() == 0;
  }
}
