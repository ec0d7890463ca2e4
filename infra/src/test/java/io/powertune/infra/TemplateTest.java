package io.powertune.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertune.cli.install.InstallSettings;
import io.powertune.statemachine.PowerTuningDefinition;
import io.powertune.tuner.TunerFunctions;
import io.powertune.tuner.TunerFunctions.TunerFunction;
import io.powertune.tuner.input.PowerValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The template against the code: its functions are the tuner's, with their handlers; every
 * placeholder of the ASL is substituted with its function's alias; each role grants exactly the
 * Lambda actions its step calls (TunerFunctions, which the steps' clients enforce); and the
 * deployment choices are the installer's.
 */
class TemplateTest {

  private final Template template = Template.load();

  @Test
  void everyFunction_isATunerFunction_withItsHandler() {
    Map<String, JsonNode> functions = template.ofType("AWS::Serverless::Function");

    assertThat(functions.values())
        .extracting(f -> f.path("Properties").path("Handler").asText())
        .containsExactlyInAnyOrderElementsOf(
            TunerFunctions.ALL.stream().map(TunerFunction::handler).toList());
  }

  @Test
  void eachRole_grantsExactlyTheLambdaActionsItsStepCalls_onTheResourcePattern() {
    for (TunerFunction tuner : TunerFunctions.ALL) {
      JsonNode role = template.roleOf(function(tuner));

      assertThat(role.path("Type").asText()).isEqualTo("AWS::IAM::Role");
      assertThat(Template.actions(role, "lambda:"))
          .as(tuner.name())
          .isEqualTo(tuner.lambdaActions());
      String logGroup = logicalId(tuner).replace("Function", "LogGroup");
      for (JsonNode policy : role.path("Properties").path("Policies")) {
        for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
          boolean logs = statement.path("Action").toString().contains("logs:");
          // Lambda actions on the resource pattern; log writes to its own log group only
          assertThat(statement.path("Resource").asText())
              .as(tuner.name())
              .isEqualTo(logs ? logGroup + ".Arn" : "lambdaResource");
        }
      }
      assertThat(Template.actions(role, "logs:"))
          .containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents");
      assertThat(function(tuner).at("/Properties/LoggingConfig/LogGroup").asText())
          .isEqualTo(logGroup);
      assertThat(role.toString()).as(tuner.name()).doesNotContain("s3:");
    }
  }

  @Test
  void thePayloadBucketPolicy_isForTheStepsThatReadPayloadS3_only() {
    JsonNode policy = template.resources().path("PayloadS3ReadPolicy");
    Set<String> roles = new HashSet<>();
    policy.path("Properties").path("Roles").forEach(r -> roles.add(r.asText()));
    Set<String> readers = new HashSet<>();
    for (TunerFunction tuner : TunerFunctions.ALL) {
      if (tuner.readsPayloadS3()) {
        String getAtt = function(tuner).path("Properties").path("Role").asText();
        readers.add(getAtt.substring(0, getAtt.indexOf('.')));
      }
    }

    assertThat(policy.path("Condition").asText()).isEqualTo("HasPayloadS3Bucket");
    assertThat(roles).isEqualTo(readers);
  }

  @Test
  void theStateMachine_isTheOneAsl_withEveryPlaceholderSubstitutedByItsFunctionsAlias()
      throws Exception {
    JsonNode machine = template.ofType("AWS::Serverless::StateMachine").values().iterator().next();
    Path asl = Path.of(machine.path("Properties").path("DefinitionUri").asText());
    JsonNode substitutions = machine.path("Properties").path("DefinitionSubstitutions");
    Map<String, String> byPlaceholder = new HashMap<>();
    substitutions.properties().forEach(e -> byPlaceholder.put(e.getKey(), e.getValue().asText()));

    assertThat(Files.readString(asl)).isEqualTo(PowerTuningDefinition.template());
    assertThat(byPlaceholder.keySet()).isEqualTo(placeholdersIn(Files.readString(asl)));
    for (TunerFunction tuner : TunerFunctions.ALL) {
      assertThat(byPlaceholder.get(tuner.placeholder())).isEqualTo(logicalId(tuner) + ".Alias");
    }
    assertThat(machine.path("Properties").path("Policies").toString())
        .contains(TunerFunctions.ALL.stream().map(TemplateTest::logicalIdOrFail).toList());
  }

  @Test
  void theDeploymentChoices_areTheInstallers() {
    JsonNode globals = template.globals();
    InstallSettings installer = InstallSettings.distributed();

    assertThat(globals.path("Runtime").asText()).isEqualTo("java21");
    assertThat(globals.path("MemorySize").asInt()).isEqualTo(installer.memoryMb());
    for (TunerFunction tuner : TunerFunctions.ALL) {
      JsonNode own = function(tuner).path("Properties").path("MemorySize");
      assertThat(own.isMissingNode() ? installer.memoryMb() : own.asInt())
          .as(tuner.name())
          .isEqualTo(installer.memoryOf(tuner));
    }
    assertThat(globals.path("Timeout").asText()).isEqualTo("totalExecutionTimeout");
    assertThat(template.parameter("totalExecutionTimeout").path("Default").asInt())
        .isEqualTo(installer.timeoutSeconds());
    assertThat(template.parameter("logGroupRetentionInDays").path("Default").asInt())
        .isEqualTo(installer.logRetentionDays());
    assertThat(template.parameter("lambdaResource").path("Default").asText())
        .isEqualTo(installer.lambdaResource());
    assertThat(globals.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
    assertThat(globals.path("AutoPublishAlias").asText()).isEqualTo("live");
    Set<String> variables = new HashSet<>();
    globals
        .path("Environment")
        .path("Variables")
        .properties()
        .forEach(e -> variables.add(e.getKey()));
    assertThat(variables).containsExactlyInAnyOrder("defaultPowerValues", "visualizationURL");
    assertThat(installer.variables()).isEmpty(); // the steps' defaults are the template's
    assertThat(template.parameter("PowerValues").path("Default").asText())
        .isEqualTo(String.join(",", PowerValues.DEFAULTS.stream().map(String::valueOf).toList()));
    assertThat(Path.of(globals.path("CodeUri").asText())).isRegularFile();
  }

  private JsonNode function(TunerFunction tuner) {
    return template.resources().path(logicalId(tuner));
  }

  private static String logicalIdOrFail(TunerFunction tuner) {
    return logicalId(tuner);
  }

  /** powertune-executor is ExecutorFunction. */
  private static String logicalId(TunerFunction tuner) {
    String step = tuner.name().substring("powertune-".length());
    return Character.toUpperCase(step.charAt(0)) + step.substring(1) + "Function";
  }

  private static Set<String> placeholdersIn(String text) {
    Set<String> found = new HashSet<>();
    Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
