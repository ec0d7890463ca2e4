package io.powertune.platform.runtime;

import io.powertune.platform.resources.FunctionUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installation of each runtime's interpreter (python3, node) as the platform finds it on its
 * own PATH. An environment of its own user cannot reach one installed in a private home (a pyenv
 * under /root, say); such an installation is mounted read-only at {@code /var/lang} in the
 * environment, where Lambda keeps its runtimes' languages, instead of falling back to another.
 */
final class LanguageHomes {

  private static final Logger LOG = LoggerFactory.getLogger(LanguageHomes.class);

  private static final Map<String, List<String>> PROBES =
      Map.of(
          "python",
          List.of("python3", "-c", "import sys; print(sys.prefix); print(sys.executable)"),
          "nodejs",
          List.of(
              "node",
              "-e",
              "console.log(require('path').resolve(process.execPath, '../..'));"
                  + " console.log(process.execPath)"));

  private final Map<String, Optional<Path>> homes = new ConcurrentHashMap<>();

  /** The installation to mount at /var/lang for this runtime, if its user cannot reach it. */
  Optional<Path> toMount(String runtime) {
    return PROBES.keySet().stream()
        .filter(runtime::startsWith)
        .findFirst()
        .flatMap(family -> homes.computeIfAbsent(family, LanguageHomes::probe));
  }

  private static Optional<Path> probe(String family) {
    try {
      Process process =
          new ProcessBuilder(PROBES.get(family))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      List<String> lines =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .toList();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || lines.size() < 2) {
        return Optional.empty(); // no such interpreter: the environment's start says so
      }
      Path prefix = Path.of(lines.get(0));
      Path executable = Path.of(lines.get(1));
      if (FunctionUsers.reachable(executable.getParent().toString()).isEmpty()) {
        LOG.info(
            "{} is in {}, which functions' users cannot reach: mounted at /var/lang for them",
            family,
            prefix);
        return Optional.of(prefix);
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
