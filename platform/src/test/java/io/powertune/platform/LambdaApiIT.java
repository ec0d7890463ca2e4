package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.CreateAliasResponse;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionVersion;
import software.amazon.awssdk.services.lambda.model.GetAccountSettingsResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/** The Lambda control plane (functions, versions, aliases, concurrency, ARNs) through the SDK. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaApiIT {

  private static final String ACCOUNT = "000000000000";
  private static final Path CODE = Zips.example("python");
  private static final SdkBytes ZIP = Zips.of(CODE);

  @TempDir static Path stateDir;
  private PlatformFixture fixture;
  private LambdaClient lambda;

  @BeforeAll
  void start() throws Exception {
    fixture = new PlatformFixture(stateDir);
    lambda = fixture.lambda();
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  @Test
  void createFunction_newFunction_isPendingThenActive() throws Exception {
    CreateFunctionResponse created = lambda.createFunction(validRequest("create-fn").build());

    assertThat(created.state()).isEqualTo(State.PENDING);
    assertThat(created.stateReasonCodeAsString()).isEqualTo("Creating");
    assertThat(created.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
    assertThat(created.codeSha256()).isEqualTo(sha256Base64(ZIP.asByteArray()));
    assertThat(created.codeSize()).isEqualTo(ZIP.asByteArray().length);
    assertThat(created.version()).isEqualTo("$LATEST");
    assertThat(created.functionArn()).isEqualTo(arn("create-fn"));
    assertThat(created.loggingConfig().logGroup()).isEqualTo("/aws/lambda/create-fn");
    WaiterResponse<GetFunctionResponse> active =
        lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("create-fn"));
    assertThat(active.matched().response())
        .hasValueSatisfying(r -> assertThat(r.configuration().state()).isEqualTo(State.ACTIVE));
    assertThat(configuration("create-fn").state()).isEqualTo(State.ACTIVE);
  }

  @Test
  void createFunction_sameNameTwice_isAConflict() {
    create("twice-fn");

    assertThatThrownBy(() -> lambda.createFunction(validRequest("twice-fn").build()))
        .isInstanceOfSatisfying(
            ResourceConflictException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(409);
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("Function already exist: twice-fn");
            });
  }

  static Stream<Arguments> invalidCreations() {
    return Stream.of(
        rejected("bad-memory-low", "ValidationException", b -> b.memorySize(64)),
        rejected("bad-memory-high", "InvalidParameterValueException", b -> b.memorySize(20_000)),
        rejected("bad-timeout", "InvalidParameterValueException", b -> b.timeout(901)),
        rejected("bad-runtime", "InvalidParameterValueException", b -> b.runtime("cobol1")),
        rejected(
            "bad-zip",
            "InvalidParameterValueException",
            b -> b.code(c -> c.zipFile(SdkBytes.fromUtf8String("not a zip")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCreations")
  void createFunction_invalidSetting_isRejectedAndCreatesNothing(
      String name, String errorCode, Consumer<CreateFunctionRequest.Builder> change) {
    CreateFunctionRequest.Builder request = validRequest(name);
    change.accept(request);

    assertThatThrownBy(() -> lambda.createFunction(request.build()))
        .isInstanceOfSatisfying(
            LambdaException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode);
            });
    assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName(name)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void updateFunctionConfiguration_newSettings_areInProgressThenApplied() {
    create("update-fn");
    String before = configuration("update-fn").revisionId();

    UpdateFunctionConfigurationResponse updated =
        lambda.updateFunctionConfiguration(
            r ->
                r.functionName("update-fn")
                    .memorySize(512)
                    .timeout(10)
                    .environment(e -> e.variables(Map.of("GREETING", "hi")))
                    .description("d"));

    assertThat(updated.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
    WaiterResponse<GetFunctionResponse> done =
        lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("update-fn"));
    assertThat(done.matched().response()).isPresent();
    GetFunctionConfigurationResponse after = configuration("update-fn");
    assertThat(after.memorySize()).isEqualTo(512);
    assertThat(after.timeout()).isEqualTo(10);
    assertThat(after.environment().variables()).containsExactlyEntriesOf(Map.of("GREETING", "hi"));
    assertThat(after.description()).isEqualTo("d");
    assertThat(after.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
    assertThat(after.revisionId()).isNotEqualTo(before);
  }

  @Test
  void updateFunctionConfiguration_staleRevisionId_failsThePrecondition() {
    create("stale-fn");
    String stale = configuration("stale-fn").revisionId();
    updateMemory("stale-fn", 256);

    assertThatThrownBy(
            () ->
                lambda.updateFunctionConfiguration(
                    r -> r.functionName("stale-fn").memorySize(1024).revisionId(stale)))
        .isInstanceOfSatisfying(
            PreconditionFailedException.class, e -> assertThat(e.statusCode()).isEqualTo(412));
    assertThat(configuration("stale-fn").memorySize()).isEqualTo(256);
  }

  @Test
  void publishVersion_unchangedThenChanged_numbersOnlyRealChanges() {
    create("publish-fn");

    PublishVersionResponse first = publish("publish-fn");
    String again = publish("publish-fn").version();
    updateMemory("publish-fn", 256);
    String second = publish("publish-fn").version();

    assertThat(first.version()).isEqualTo("1");
    assertThat(first.functionArn()).isEqualTo(arn("publish-fn") + ":1");
    assertThat(again).isEqualTo("1");
    assertThat(second).isEqualTo("2");
    assertThat(lambda.listVersionsByFunction(r -> r.functionName("publish-fn")).versions())
        .extracting(FunctionConfiguration::version)
        .containsExactly("$LATEST", "1", "2");
    List<ListVersionsByFunctionResponse> pages =
        lambda
            .listVersionsByFunctionPaginator(r -> r.functionName("publish-fn").maxItems(1))
            .stream()
            .toList();
    assertThat(pages).hasSize(3).allSatisfy(p -> assertThat(p.versions()).hasSize(1));
    assertThat(pages.stream().flatMap(p -> p.versions().stream()))
        .extracting(FunctionConfiguration::version)
        .containsExactly("$LATEST", "1", "2");
  }

  @Test
  void aliases_lifecycle_behavesAsLambda() {
    create("alias-fn");
    publish("alias-fn");
    updateMemory("alias-fn", 256);
    publish("alias-fn");

    CreateAliasResponse created =
        lambda.createAlias(r -> r.functionName("alias-fn").name("RAM128").functionVersion("1"));
    assertThat(created.aliasArn()).isEqualTo(arn("alias-fn") + ":RAM128");
    assertThat(created.functionVersion()).isEqualTo("1");
    assertThatThrownBy(
            () ->
                lambda.createAlias(
                    r -> r.functionName("alias-fn").name("RAM128").functionVersion("1")))
        .isInstanceOfSatisfying(
            ResourceConflictException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .startsWith("Alias already exists: "));
    String revision = lambda.getAlias(r -> r.functionName("alias-fn").name("RAM128")).revisionId();
    String updated =
        lambda
            .updateAlias(r -> r.functionName("alias-fn").name("RAM128").functionVersion("2"))
            .revisionId();
    assertThat(updated).isNotEqualTo(revision);
    assertThat(lambda.listAliases(r -> r.functionName("alias-fn")).aliases())
        .extracting(AliasConfiguration::name, AliasConfiguration::functionVersion)
        .containsExactly(tuple("RAM128", "2"));

    GetFunctionConfigurationResponse viaAlias =
        lambda.getFunctionConfiguration(r -> r.functionName("alias-fn").qualifier("RAM128"));
    assertThat(viaAlias.version()).isEqualTo("2");
    assertThat(viaAlias.functionArn()).endsWith(":RAM128");
    assertThatThrownBy(() -> lambda.deleteFunction(r -> r.functionName("alias-fn").qualifier("2")))
        .isInstanceOfSatisfying(
            ResourceConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));

    assertThat(deleteAlias("alias-fn", "RAM128")).isEqualTo(204);
    assertThat(deleteAlias("alias-fn", "RAM128")).as("missing alias").isEqualTo(204);
    assertThatThrownBy(() -> lambda.getAlias(r -> r.functionName("alias-fn").name("RAM128")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .startsWith("Cannot find alias arn:"));
  }

  @Test
  void deleteFunction_versionsThenWhole_removesThem() {
    create("delete-fn");
    publish("delete-fn");

    assertThatThrownBy(
            () -> lambda.deleteFunction(r -> r.functionName("delete-fn").qualifier("$LATEST")))
        .isInstanceOf(InvalidParameterValueException.class);
    lambda.deleteFunction(r -> r.functionName("delete-fn").qualifier("1"));
    assertThatThrownBy(
            () -> lambda.getFunctionConfiguration(r -> r.functionName("delete-fn").qualifier("1")))
        .isInstanceOf(ResourceNotFoundException.class);
    updateMemory("delete-fn", 256);
    assertThat(publish("delete-fn").version()).as("numbers are never reused").isEqualTo("2");

    int status =
        lambda.deleteFunction(r -> r.functionName("delete-fn")).sdkHttpResponse().statusCode();
    assertThat(status).isEqualTo(204);
    assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("delete-fn")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Function not found: " + arn("delete-fn")));
  }

  @Test
  void listFunctions_paginatedOneByOne_returnsEveryFunction() {
    List.of("list-a", "list-b", "list-c").forEach(this::create);
    publish("list-a");

    List<String> single =
        lambda.listFunctions(r -> r.maxItems(10_000)).functions().stream()
            .map(FunctionConfiguration::functionName)
            .toList();
    List<FunctionConfiguration> paged =
        lambda.listFunctionsPaginator(r -> r.maxItems(1)).functions().stream().toList();
    List<FunctionConfiguration> all =
        lambda
            .listFunctionsPaginator(r -> r.functionVersion(FunctionVersion.ALL).maxItems(1))
            .functions()
            .stream()
            .toList();

    assertThat(paged)
        .extracting(FunctionConfiguration::functionName)
        .contains("list-a", "list-b", "list-c")
        .doesNotHaveDuplicates()
        .containsExactlyElementsOf(single);
    assertThat(paged).extracting(FunctionConfiguration::version).containsOnly("$LATEST");
    assertThat(all)
        .filteredOn(f -> f.functionName().equals("list-a"))
        .extracting(FunctionConfiguration::version)
        .containsExactly("$LATEST", "1");
  }

  @Test
  void concurrency_reserveAndRelease_updatesFunctionAndAccount() {
    create("concurrency-fn");

    lambda.putFunctionConcurrency(
        r -> r.functionName("concurrency-fn").reservedConcurrentExecutions(5));
    assertThat(reserved("concurrency-fn")).isEqualTo(5);
    assertThat(
            lambda
                .getFunction(r -> r.functionName("concurrency-fn"))
                .concurrency()
                .reservedConcurrentExecutions())
        .isEqualTo(5);
    GetAccountSettingsResponse settings = lambda.getAccountSettings();
    assertThat(settings.accountLimit().concurrentExecutions()).isEqualTo(1000);
    assertThat(settings.accountLimit().unreservedConcurrentExecutions()).isEqualTo(995);
    assertThatThrownBy(
            () ->
                lambda.putFunctionConcurrency(
                    r -> r.functionName("concurrency-fn").reservedConcurrentExecutions(950)))
        .isInstanceOfSatisfying(
            InvalidParameterValueException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .contains("UnreservedConcurrentExecution below its minimum value of [100]"));

    lambda.deleteFunctionConcurrency(r -> r.functionName("concurrency-fn"));
    assertThat(reserved("concurrency-fn")).isNull();
  }

  @Test
  void putFunctionConcurrency_missingFunction_namesLatestInTheArn() {
    assertThatThrownBy(
            () ->
                lambda.putFunctionConcurrency(
                    r -> r.functionName("missing-fn").reservedConcurrentExecutions(1)))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Function not found: " + arn("missing-fn") + ":$LATEST"));
  }

  @Test
  void functionName_arnForms_resolveToTheFunction() {
    create("arn-fn");
    publish("arn-fn");

    assertThat(
            lambda.getFunction(r -> r.functionName(arn("arn-fn"))).configuration().functionName())
        .isEqualTo("arn-fn");
    assertThat(
            lambda
                .getFunction(r -> r.functionName(ACCOUNT + ":function:arn-fn"))
                .configuration()
                .functionArn())
        .isEqualTo(arn("arn-fn"));
    FunctionConfiguration versionOne =
        lambda.getFunction(r -> r.functionName("arn-fn:1")).configuration();
    assertThat(versionOne.version()).isEqualTo("1");
    assertThat(versionOne.functionArn()).isEqualTo(arn("arn-fn") + ":1");
    assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("arn-fn:1").qualifier("2")))
        .isInstanceOf(InvalidParameterValueException.class);
  }

  @Test
  void functionName_arnOfAnotherRegion_isNotReachable() {
    String euArn = "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:anywhere-fn";

    assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName(euArn)))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(
                        "Functions from 'eu-west-1' are not reachable in this region"
                            + " ('us-east-1')"));
  }

  @Test
  void regions_functionInEuWest1_isSeparateFromUsEast1() {
    String euArn = "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:regional-fn";
    try (LambdaClient eu = fixture.lambda(Region.EU_WEST_1)) {
      CreateFunctionResponse created =
          fixture.create(eu, "regional-fn", Runtime.PYTHON3_12, "app.handler", CODE);

      assertThat(created.functionArn()).isEqualTo(euArn);
      assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("regional-fn")))
          .isInstanceOf(ResourceNotFoundException.class);
      assertThat(lambda.listFunctions().functions())
          .extracting(FunctionConfiguration::functionName)
          .doesNotContain("regional-fn");
      assertThat(eu.getFunction(r -> r.functionName(euArn)).configuration().functionArn())
          .isEqualTo(euArn);
    }
  }

  private static Arguments rejected(
      String name, String errorCode, Consumer<CreateFunctionRequest.Builder> change) {
    return Arguments.of(name, errorCode, change);
  }

  private static CreateFunctionRequest.Builder validRequest(String name) {
    return CreateFunctionRequest.builder()
        .functionName(name)
        .runtime(Runtime.PYTHON3_12)
        .handler("app.handler")
        .role(PlatformFixture.ROLE)
        .code(c -> c.zipFile(ZIP));
  }

  private void create(String name) {
    fixture.create(lambda, name, Runtime.PYTHON3_12, "app.handler", CODE);
  }

  private GetFunctionConfigurationResponse configuration(String name) {
    return lambda.getFunctionConfiguration(r -> r.functionName(name));
  }

  private void updateMemory(String name, int memory) {
    lambda.updateFunctionConfiguration(r -> r.functionName(name).memorySize(memory));
    lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(name));
  }

  private PublishVersionResponse publish(String name) {
    return lambda.publishVersion(r -> r.functionName(name));
  }

  private Integer reserved(String name) {
    return lambda.getFunctionConcurrency(r -> r.functionName(name)).reservedConcurrentExecutions();
  }

  private int deleteAlias(String function, String alias) {
    return lambda
        .deleteAlias(r -> r.functionName(function).name(alias))
        .sdkHttpResponse()
        .statusCode();
  }

  private static String arn(String name) {
    return "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + name;
  }

  private static String sha256Base64(byte[] bytes) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
