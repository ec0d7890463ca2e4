package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** The Step Functions API's operations, errors and pages, through the AWS SDK. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StepFunctionsApiIT {

  private static final String PASS =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
  private static final String WAIT =
      "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":600,\"End\":true}}}";

  @TempDir static Path stateDir;
  private PlatformFixture fixture;
  private SfnClient sfn;

  @BeforeAll
  void start() throws Exception {
    fixture = new PlatformFixture(stateDir);
    sfn = fixture.sfn();
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  private String create(String name, String definition) {
    return sfn.createStateMachine(
            r -> r.name(name).definition(definition).roleArn(PlatformFixture.ROLE))
        .stateMachineArn();
  }

  private void awaitEnd(String execution) {
    Eventually.until(
        execution + " ends",
        Duration.ofSeconds(30),
        () ->
            sfn.describeExecution(r -> r.executionArn(execution)).status()
                != ExecutionStatus.RUNNING);
  }

  @Test
  void createStateMachine_isIdempotent_andRefusesAnotherDefinitionUnderTheSameName() {
    String first = create("same", PASS);
    String again = create("same", PASS);
    StateMachineAlreadyExistsException other =
        catchThrowableOfType(StateMachineAlreadyExistsException.class, () -> create("same", WAIT));

    assertThat(again).isEqualTo(first).endsWith(":stateMachine:same");
    assertThat(other.awsErrorDetails().errorMessage())
        .isEqualTo("State Machine Already Exists: '" + first + "'");
    assertThat(sfn.describeStateMachine(r -> r.stateMachineArn(first)).definition())
        .as("nothing changed")
        .isEqualTo(PASS);
  }

  @Test
  void badRequests_getStepFunctionsErrors() {
    InvalidDefinitionException definition =
        catchThrowableOfType(
            InvalidDefinitionException.class, () -> create("bad", "{\"StartAt\":\"A\"}"));
    InvalidNameException name =
        catchThrowableOfType(InvalidNameException.class, () -> create("has space", PASS));
    InvalidArnException arn =
        catchThrowableOfType(
            InvalidArnException.class,
            () -> sfn.describeStateMachine(r -> r.stateMachineArn("not-an-arn")));
    String missingArn = "arn:aws:states:us-east-1:000000000000:stateMachine:missing";
    StateMachineDoesNotExistException missing =
        catchThrowableOfType(
            StateMachineDoesNotExistException.class,
            () -> sfn.describeStateMachine(r -> r.stateMachineArn(missingArn)));
    String machine = create("inputs", PASS);
    InvalidExecutionInputException input =
        catchThrowableOfType(
            InvalidExecutionInputException.class,
            () -> sfn.startExecution(r -> r.stateMachineArn(machine).input("{not json")));
    ValidationException pageSize =
        catchThrowableOfType(
            ValidationException.class,
            () -> sfn.listExecutions(r -> r.stateMachineArn(machine).maxResults(1001)));

    assertThat(definition.awsErrorDetails().errorMessage())
        .isEqualTo(
            "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are"
                + " required: [States] at /'");
    assertThat(name.awsErrorDetails().errorMessage()).isEqualTo("Invalid Name: 'has space'");
    assertThat(arn.awsErrorDetails().errorMessage()).isEqualTo("Invalid Arn: 'not-an-arn'");
    assertThat(missing.awsErrorDetails().errorMessage())
        .isEqualTo("State Machine Does Not Exist: '" + missingArn + "'");
    assertThat(input.awsErrorDetails().errorMessage())
        .startsWith("Invalid State Machine Execution Input: '");
    assertThat(pageSize.awsErrorDetails().errorMessage())
        .contains("Value '1001' at 'maxResults' failed to satisfy constraint");
    assertThat(sfn.listExecutions(r -> r.stateMachineArn(machine)).executions())
        .as("a refused start leaves no execution")
        .isEmpty();
  }

  @Test
  void startExecution_isIdempotentByName_whileRunningWithTheSameInput() {
    String machine = create("waiting", WAIT);

    String first =
        sfn.startExecution(r -> r.stateMachineArn(machine).name("once").input("{\"a\":1}"))
            .executionArn();
    String again =
        sfn.startExecution(r -> r.stateMachineArn(machine).name("once").input("{\"a\":1}"))
            .executionArn();
    ExecutionAlreadyExistsException other =
        catchThrowableOfType(
            ExecutionAlreadyExistsException.class,
            () ->
                sfn.startExecution(
                    r -> r.stateMachineArn(machine).name("once").input("{\"a\":2}")));
    sfn.stopExecution(r -> r.executionArn(first));

    assertThat(again).isEqualTo(first);
    assertThat(other.awsErrorDetails().errorMessage())
        .isEqualTo("Execution Already Exists: '" + first + "'");
  }

  @Test
  void stopExecution_abortsIt_withTheGivenErrorAndCause() {
    String machine = create("stoppable", WAIT);
    String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();

    sfn.stopExecution(r -> r.executionArn(execution).error("Operator").cause("not needed"));
    var described = sfn.describeExecution(r -> r.executionArn(execution));
    List<HistoryEvent> events = sfn.getExecutionHistory(r -> r.executionArn(execution)).events();

    assertThat(described.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(described.error()).isEqualTo("Operator");
    assertThat(described.cause()).isEqualTo("not needed");
    assertThat(described.stopDate()).isNotNull();
    HistoryEvent last = events.get(events.size() - 1);
    assertThat(last.typeAsString()).isEqualTo("ExecutionAborted");
    assertThat(last.executionAbortedEventDetails().cause()).isEqualTo("not needed");
  }

  @Test
  void listExecutions_isNewestFirst_filtersByStatus_andPages() {
    String machine = create("listed", PASS);
    for (String name : List.of("e1", "e2", "e3")) {
      String arn = sfn.startExecution(r -> r.stateMachineArn(machine).name(name)).executionArn();
      awaitEnd(arn);
    }

    ListExecutionsResponse firstPage =
        sfn.listExecutions(r -> r.stateMachineArn(machine).maxResults(2));
    ListExecutionsResponse secondPage =
        sfn.listExecutions(
            r -> r.stateMachineArn(machine).maxResults(2).nextToken(firstPage.nextToken()));
    List<ExecutionListItem> succeeded =
        sfn.listExecutions(r -> r.stateMachineArn(machine).statusFilter("SUCCEEDED")).executions();
    List<ExecutionListItem> failed =
        sfn.listExecutions(r -> r.stateMachineArn(machine).statusFilter("FAILED")).executions();

    assertThat(firstPage.executions())
        .extracting(ExecutionListItem::name)
        .containsExactly("e3", "e2");
    assertThat(secondPage.executions()).extracting(ExecutionListItem::name).containsExactly("e1");
    assertThat(secondPage.nextToken()).isNull();
    assertThat(succeeded).hasSize(3);
    assertThat(failed).isEmpty();
  }

  @Test
  void history_pagesInEitherOrder_andCanLeaveTheDataOut() {
    String machine = create("history", PASS);
    String execution =
        sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"secret\":1}")).executionArn();
    awaitEnd(execution);

    GetExecutionHistoryResponse forward =
        sfn.getExecutionHistory(r -> r.executionArn(execution).maxResults(2));
    GetExecutionHistoryResponse rest =
        sfn.getExecutionHistory(
            r -> r.executionArn(execution).maxResults(2).nextToken(forward.nextToken()));
    GetExecutionHistoryResponse reverse =
        sfn.getExecutionHistory(r -> r.executionArn(execution).reverseOrder(true));
    GetExecutionHistoryResponse noData =
        sfn.getExecutionHistory(r -> r.executionArn(execution).includeExecutionData(false));

    assertThat(forward.events()).extracting(HistoryEvent::id).containsExactly(1L, 2L);
    assertThat(rest.events()).extracting(HistoryEvent::id).containsExactly(3L, 4L);
    assertThat(reverse.events().get(0).typeAsString()).isEqualTo("ExecutionSucceeded");
    assertThat(forward.events().get(0).executionStartedEventDetails().input())
        .isEqualTo("{\"secret\":1}");
    assertThat(noData.events().get(0).executionStartedEventDetails().input()).isNull();
  }

  @Test
  void aTask_callsAFunctionOfAnotherRegion_byItsArn() throws Exception {
    LambdaClient ireland = fixture.lambda(Region.EU_WEST_1);
    fixture.create(
        ireland,
        "far-echo",
        software.amazon.awssdk.services.lambda.model.Runtime.PYTHON3_12,
        "app.echo",
        Zips.testFunction("python-behaviours"));
    String function = "arn:aws:lambda:eu-west-1:000000000000:function:far-echo";
    String machine =
        create(
            "cross-region",
            "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\""
                + function
                + "\",\"OutputPath\":\"$.invokedArn\",\"End\":true}}}");

    String execution =
        sfn.startExecution(r -> r.stateMachineArn(machine).input("{}")).executionArn();
    awaitEnd(execution);
    var done = sfn.describeExecution(r -> r.executionArn(execution));

    assertThat(done.status()).as(done.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output()).isEqualTo("\"" + function + "\"");
    assertThat(machine).startsWith("arn:aws:states:us-east-1:");
  }

  @Test
  void update_changesTheDefinitionForNewExecutions_andDeleteRemovesTheMachine() {
    String machine = create("changing", PASS);
    String before = sfn.describeStateMachine(r -> r.stateMachineArn(machine)).revisionId();
    String changed =
        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":\"new\","
            + "\"End\":true}}}";

    String revision =
        sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition(changed)).revisionId();
    String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
    awaitEnd(execution);
    String output = sfn.describeExecution(r -> r.executionArn(execution)).output();
    sfn.deleteStateMachine(r -> r.stateMachineArn(machine));

    assertThat(revision).isNotEqualTo(before);
    assertThat(output).isEqualTo("\"new\"");
    assertThat(sfn.listStateMachines().stateMachines())
        .noneMatch(sm -> sm.stateMachineArn().equals(machine));
    assertThat(
            catchThrowableOfType(
                StateMachineDoesNotExistException.class,
                () -> sfn.describeStateMachine(r -> r.stateMachineArn(machine))))
        .isNotNull();
  }
}
