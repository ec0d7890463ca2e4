package io.powertune.cli.install;

import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * A new IAM role takes several seconds to be usable everywhere: Lambda answers "The role defined
 * for the function cannot be assumed by Lambda" and Step Functions that it is "not authorized to
 * assume" it meanwhile. A call that needs a just-created role is retried for a while.
 */
final class Propagation {

  private static final Duration LIMIT = Duration.ofSeconds(90);
  private static final Duration INTERVAL = Duration.ofSeconds(3);

  private Propagation() {}

  static <T> T retry(boolean propagating, Supplier<T> call) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (true) {
      try {
        return call.get();
      } catch (AwsServiceException e) {
        if (!propagating || !roleNotYetUsable(e) || System.nanoTime() > deadline) {
          throw e;
        }
      }
      pause();
    }
  }

  /** Waits a few seconds before the next try. */
  static void pause() {
    try {
      Thread.sleep(INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for AWS to settle", e);
    }
  }

  static void retry(boolean propagating, Runnable call) {
    retry(
        propagating,
        () -> {
          call.run();
          return null;
        });
  }

  private static boolean roleNotYetUsable(AwsServiceException e) {
    String message = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorMessage();
    return message != null && (message.contains("cannot be assumed") || message.contains("assume"));
  }
}
