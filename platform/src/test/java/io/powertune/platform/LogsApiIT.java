package io.powertune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** CloudWatch Logs groups, streams, events and filter patterns through the SDK. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogsApiIT {

  private static final String FILTER_GROUP = "/powertune/it/filter";

  @TempDir static Path stateDir;
  private PlatformFixture fixture;
  private CloudWatchLogsClient logs;

  @BeforeAll
  void start() throws Exception {
    fixture = new PlatformFixture(stateDir);
    logs = fixture.logs();
    group(FILTER_GROUP, "s");
    long now = System.currentTimeMillis();
    put(
        FILTER_GROUP,
        "s",
        event(now, "alpha first"),
        event(now + 1, "beta second"),
        event(now + 2, "gamma two words"),
        event(now + 3, "delta words two"));
  }

  @AfterAll
  void stop() {
    logs.close();
    fixture.close();
  }

  @Test
  void createLogGroup_sameNameTwice_alreadyExists() {
    group("/powertune/it/twice");

    assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("/powertune/it/twice")))
        .isInstanceOfSatisfying(
            ResourceAlreadyExistsException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("The specified log group already exists"));
  }

  @Test
  void retentionPolicy_isReported_andRemovable_andOnlyTheAcceptedPeriodsAreTaken() {
    String name = "/powertune/it/retention";
    group(name);

    logs.putRetentionPolicy(r -> r.logGroupName(name).retentionInDays(7));
    Integer set = describe(name).retentionInDays();
    logs.deleteRetentionPolicy(r -> r.logGroupName(name));
    Integer removed = describe(name).retentionInDays();

    assertThat(set).isEqualTo(7);
    assertThat(removed).isNull();
    assertThatThrownBy(() -> logs.putRetentionPolicy(r -> r.logGroupName(name).retentionInDays(8)))
        .isInstanceOfSatisfying(
            InvalidParameterException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).contains("'retentionInDays'"));
    assertThatThrownBy(
            () ->
                logs.putRetentionPolicy(
                    r -> r.logGroupName("/powertune/it/none").retentionInDays(7)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void deleteLogGroup_removesItsStreamsAndEvents_andASecondDeleteIsNotFound() {
    String name = "/powertune/it/deleted";
    group(name, "s");
    put(name, "s", event(System.currentTimeMillis(), "gone soon"));

    logs.deleteLogGroup(r -> r.logGroupName(name));

    assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix(name)).logGroups()).isEmpty();
    assertThatThrownBy(() -> logs.deleteLogGroup(r -> r.logGroupName(name)))
        .isInstanceOf(ResourceNotFoundException.class);
    group(name, "s"); // a group made again starts empty
    assertThat(
            logs.getLogEvents(r -> r.logGroupName(name).logStreamName("s").startFromHead(true))
                .events())
        .isEmpty();
  }

  private LogGroup describe(String name) {
    return logs.describeLogGroups(r -> r.logGroupNamePrefix(name)).logGroups().get(0);
  }

  @Test
  void createLogGroup_reservedAwsPrefix_isInvalid() {
    assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("aws/powertune-it")))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void createLogStream_missingGroup_isNotFound() {
    assertThatThrownBy(
            () ->
                logs.createLogStream(
                    r -> r.logGroupName("/powertune/it/missing").logStreamName("s")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("The specified log group does not exist."));
  }

  @Test
  void getLogEvents_fromHead_returnsEventsInOrderThenStopsAtTheEnd() {
    String group = "/powertune/it/head";
    group(group, "s");
    long now = System.currentTimeMillis();
    put(group, "s", event(now, "one"), event(now + 1, "two"), event(now + 2, "three"));

    GetLogEventsResponse first =
        logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s").startFromHead(true));
    GetLogEventsResponse end =
        logs.getLogEvents(
            r ->
                r.logGroupName(group)
                    .logStreamName("s")
                    .startFromHead(true)
                    .nextToken(first.nextForwardToken()));

    assertThat(first.events())
        .extracting(OutputLogEvent::message)
        .containsExactly("one", "two", "three");
    assertThat(first.events())
        .extracting(OutputLogEvent::timestamp)
        .containsExactly(now, now + 1, now + 2);
    assertThat(first.nextForwardToken()).isNotEmpty();
    assertThat(end.events()).isEmpty();
    assertThat(end.nextForwardToken()).isEqualTo(first.nextForwardToken());
  }

  @Test
  void getLogEvents_fromTailWithLimit_returnsTheNewestEvents() {
    String group = "/powertune/it/tail";
    group(group, "s");
    long now = System.currentTimeMillis();
    put(group, "s", event(now, "one"), event(now + 1, "two"), event(now + 2, "three"));

    GetLogEventsResponse newest =
        logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s").limit(2));

    assertThat(newest.events()).extracting(OutputLogEvent::message).containsExactly("two", "three");
    assertThat(newest.nextForwardToken()).isNotEmpty();
    assertThat(newest.nextBackwardToken()).isNotEmpty();
  }

  @Test
  void putLogEvents_outOfOrderTimestamps_rejectsTheWholeBatch() {
    String group = "/powertune/it/order";
    group(group, "s");
    long now = System.currentTimeMillis();

    assertThatThrownBy(() -> put(group, "s", event(now + 5, "late"), event(now, "early")))
        .isInstanceOfSatisfying(
            InvalidParameterException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(
                        "Log events in a single PutLogEvents request must be in chronological"
                            + " order."));
    assertThat(
            logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s").startFromHead(true))
                .events())
        .isEmpty();
  }

  static Stream<Arguments> filterPatterns() {
    return Stream.of(
        Arguments.of("beta", List.of("beta second")),
        Arguments.of("\"two words\"", List.of("gamma two words")),
        Arguments.of("?alpha ?gamma", List.of("alpha first", "gamma two words")),
        Arguments.of("-alpha", List.of("beta second", "gamma two words", "delta words two")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filterPatterns")
  void filterLogEvents_pattern_returnsOnlyMatchingMessages(String pattern, List<String> expected) {
    List<FilteredLogEvent> events =
        logs.filterLogEvents(r -> r.logGroupName(FILTER_GROUP).filterPattern(pattern)).events();

    assertThat(events).extracting(FilteredLogEvent::message).containsExactlyElementsOf(expected);
    assertThat(events).extracting(FilteredLogEvent::logStreamName).containsOnly("s");
  }

  @Test
  void filterLogEvents_eventsFromTwoStreams_areSortedByTimestamp() {
    String group = "/powertune/it/filter-order";
    group(group, "first-put", "second-put");
    long now = System.currentTimeMillis();
    put(group, "first-put", event(now, "later"));
    put(group, "second-put", event(now - 1000, "earlier"));

    List<FilteredLogEvent> events = logs.filterLogEvents(r -> r.logGroupName(group)).events();

    assertThat(events).extracting(FilteredLogEvent::message).containsExactly("earlier", "later");
  }

  @Test
  void describeLogGroups_withPrefix_listsOnlyMatchingGroups() {
    group("/powertune/it/describe/one");
    group("/powertune/it/describe/two");
    group("/powertune/it/describe-not");

    List<LogGroup> groups =
        logs.describeLogGroups(r -> r.logGroupNamePrefix("/powertune/it/describe/")).logGroups();

    assertThat(groups)
        .extracting(LogGroup::logGroupName)
        .containsExactly("/powertune/it/describe/one", "/powertune/it/describe/two");
    assertThat(groups.get(0).arn())
        .isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/powertune/it/describe/one:*");
    assertThat(groups.get(0).logGroupArn())
        .isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/powertune/it/describe/one");
  }

  @Test
  void describeLogStreams_byLastEventTimeDescending_putsTheNewestFirst() {
    String group = "/powertune/it/streams";
    group(group, "a-middle", "b-newest", "c-oldest");
    long now = System.currentTimeMillis();
    put(group, "b-newest", event(now, "newest"));
    put(group, "a-middle", event(now - 2000, "middle"));
    put(group, "c-oldest", event(now - 4000, "oldest"));

    List<LogStream> streams =
        logs.describeLogStreams(
                r -> r.logGroupName(group).orderBy(OrderBy.LAST_EVENT_TIME).descending(true))
            .logStreams();

    assertThat(streams)
        .extracting(LogStream::logStreamName)
        .containsExactly("b-newest", "a-middle", "c-oldest");
    assertThat(streams.get(0).lastEventTimestamp()).isEqualTo(now);
  }

  private void group(String name, String... streams) {
    logs.createLogGroup(r -> r.logGroupName(name));
    for (String stream : streams) {
      logs.createLogStream(r -> r.logGroupName(name).logStreamName(stream));
    }
  }

  private void put(String group, String stream, InputLogEvent... events) {
    logs.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(events));
  }

  private static InputLogEvent event(long timestamp, String message) {
    return InputLogEvent.builder().timestamp(timestamp).message(message).build();
  }
}
