package io.powertune.tuner.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;

class GrantedActionsTest {

  /** A client of a port nothing listens on: a call that passes the check fails to connect. */
  private static LambdaClient client(GrantedActions granted) {
    return LambdaClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:1"))
        .region(Region.US_EAST_1)
        .credentialsProvider(AnonymousCredentialsProvider.create())
        .overrideConfiguration(
            o -> o.addExecutionInterceptor(granted).retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  @Test
  void aCallItsRoleLacks_isRefusedAsIamRefusesIt_beforeAnyRequest() {
    try (LambdaClient lambda =
        client(new GrantedActions("powertune-initializer", Set.of("lambda:ListAliases")))) {
      Throwable refused = catchThrowable(() -> lambda.publishVersion(r -> r.functionName("f")));

      assertThat(refused).isInstanceOf(LambdaException.class);
      LambdaException e = (LambdaException) refused;
      assertThat(e.statusCode()).isEqualTo(403);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
      assertThat(e.getMessage())
          .contains("powertune-initializer is not authorized to perform: lambda:PublishVersion")
          .contains("grants lambda:ListAliases");
    }
  }

  @Test
  void aGrantedCall_goesOut() {
    try (LambdaClient lambda =
        client(new GrantedActions("powertune-executor", Set.of("lambda:InvokeFunction")))) {
      Throwable failed = catchThrowable(() -> lambda.invoke(r -> r.functionName("f")));

      assertThat(failed).isInstanceOf(SdkClientException.class); // nothing listens on port 1
    }
  }

  @Test
  void invoke_isGrantedAsInvokeFunction() {
    assertThat(GrantedActions.iamAction("Invoke")).isEqualTo("lambda:InvokeFunction");
    assertThat(GrantedActions.iamAction("ListVersionsByFunction"))
        .isEqualTo("lambda:ListVersionsByFunction");
  }
}
