package io.powertune.tests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code powertune} command run as users run it: a process of the built jar. */
final class Powertune {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path JAR = ROOT.resolve("cli/target/powertune.jar");

  /** What one run printed, and its exit code. */
  record Result(int exitCode, String out, String err) {

    String describe() {
      return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  private Powertune() {}

  /**
   * Runs the command.
   *
   * @param environment added to this JVM's environment without its AWS_ variables
   * @param home the HOME of the process (its ~/.powertune and ~/.aws)
   */
  static Result run(Map<String, String> environment, Path home, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toString()));
    command.addAll(args);
    File err = Files.createTempFile(home, "powertune-err", ".txt").toFile();
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(home.toFile()).redirectError(err);
    builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    builder.environment().put("HOME", home.toString());
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("powertune " + args + " did not end in 10 minutes");
    }
    return new Result(process.exitValue(), out, Files.readString(err.toPath()));
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
