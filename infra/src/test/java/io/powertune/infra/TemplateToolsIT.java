package io.powertune.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.tuner.TunerFunctions;
import io.powertune.tuner.TunerFunctions.TunerFunction;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The template as AWS's own tools read it: {@code cfn-lint} finds nothing, and {@code
 * aws-sam-translator} transforms it into CloudFormation whose function roles grant exactly the
 * steps' Lambda actions. Each test skips, saying why, where its tool is missing.
 */
class TemplateToolsIT {

  private record Run(int exitCode, String out, String err) {}

  @Test
  void cfnLint_findsNothing() throws Exception {
    assumeTool("cfn-lint", List.of("cfn-lint", "--version"));

    Run lint = run(List.of("cfn-lint", Template.FILE.toString()));

    assertThat(lint.exitCode()).as(lint.out() + lint.err()).isZero();
    assertThat(lint.out()).isEmpty();
  }

  @Test
  void samTranslator_transformsIt_intoRolesWithExactlyTheStepsLambdaActions() throws Exception {
    assumeTool("aws-sam-translator", List.of("python3", "-c", "import samtranslator"));

    Run transform = run(List.of("python3", "check-template.py", Template.FILE.toString()));

    assertThat(transform.exitCode()).as(transform.err()).isZero();
    JsonNode resources = new ObjectMapper().readTree(transform.out()).path("Resources");
    for (TunerFunction tuner : TunerFunctions.ALL) {
      JsonNode function = resources.path(logicalId(tuner));
      assertThat(function.path("Type").asText()).isEqualTo("AWS::Lambda::Function");
      assertThat(function.at("/Properties/Handler").asText()).isEqualTo(tuner.handler());
      assertThat(function.at("/Properties/SnapStart/ApplyOn").asText())
          .isEqualTo("PublishedVersions");
      String role = function.at("/Properties/Role/Fn::GetAtt/0").asText();
      assertThat(lambdaActions(resources.path(role)))
          .as(tuner.name())
          .isEqualTo(tuner.lambdaActions());
    }
    assertThat(actions(resources.path("PowerTuningStateMachineRole")))
        .containsExactly("lambda:InvokeFunction");
    String definition = resources.toString();
    assertThat(definition).contains("DefinitionSubstitutions").doesNotContain("DefinitionUri");
  }

  private static Set<String> lambdaActions(JsonNode role) {
    Set<String> actions = actions(role);
    actions.removeIf(a -> !a.startsWith("lambda:"));
    return actions;
  }

  /** Every action a role's inline policies allow. */
  private static Set<String> actions(JsonNode role) {
    Set<String> actions = new HashSet<>();
    for (JsonNode policy : role.at("/Properties/Policies")) {
      for (JsonNode statement : policy.at("/PolicyDocument/Statement")) {
        JsonNode action = statement.path("Action");
        (action.isArray() ? action : new ObjectMapper().createArrayNode().add(action))
            .forEach(a -> actions.add(a.asText()));
      }
    }
    return actions;
  }

  private static String logicalId(TunerFunction tuner) {
    String step = tuner.name().substring("powertune-".length());
    return Character.toUpperCase(step.charAt(0)) + step.substring(1) + "Function";
  }

  private static void assumeTool(String tool, List<String> probe) {
    boolean present;
    try {
      present = run(probe).exitCode() == 0;
    } catch (IOException e) {
      present = false;
    }
    if (!present) {
      System.out.println("TemplateToolsIT: " + tool + " is not installed here: skipped");
    }
    assumeTrue(present, tool + " is not installed here");
  }

  private static Run run(List<String> command) throws IOException {
    File err = File.createTempFile("infra-tool", ".txt");
    err.deleteOnExit();
    Process process = new ProcessBuilder(command).redirectError(err).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " did not end in 2 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return new Run(process.exitValue(), out, Files.readString(err.toPath()));
  }
}
