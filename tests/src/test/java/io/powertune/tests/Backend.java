package io.powertune.tests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** Where the suite runs the tuner: a platform, LocalStack or AWS, with the tuner on it. */
interface Backend extends AutoCloseable {

  /** For reports: e.g. "embedded platform, tuner installed as java21 processes". */
  String name();

  /** Starts the backend and puts the tuner there, as a user would. */
  void start(Path work) throws Exception;

  String region();

  /** A client for the functions the suite tunes. */
  LambdaClient lambda();

  SfnClient sfn();

  /** The execution role of the functions the suite tunes. */
  String targetRole();

  /** The arguments that point {@code powertune tune} (or {@code report}) at the tuner. */
  List<String> where();

  /** What the command's process needs in its environment (credentials, region). */
  Map<String, String> environment();

  /** True when a function's CPU follows its memory here, so speed depends on the size. */
  boolean cpuFollowsMemory();

  @Override
  void close();
}
