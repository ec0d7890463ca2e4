package io.powertune.tuner.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * The Lambda actions a workflow function's role grants, checked before each call as IAM checks it
 * on AWS. A step that calls an action its role lacks fails the same way everywhere, on the first
 * test that reaches the call, rather than only once deployed with the template's least-privilege
 * role.
 *
 * @param function the workflow function's name, for the message
 * @param lambdaActions IAM action names, e.g. {@code lambda:InvokeFunction}
 */
public record GrantedActions(String function, Set<String> lambdaActions)
    implements ExecutionInterceptor {

  public GrantedActions {
    lambdaActions = Set.copyOf(lambdaActions);
  }

  /** The IAM action of a Lambda API operation (Invoke is granted as lambda:InvokeFunction). */
  public static String iamAction(String operation) {
    return "lambda:" + (operation.equals("Invoke") ? "InvokeFunction" : operation);
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String action = iamAction(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    if (!lambdaActions.contains(action)) {
      String message =
          function
              + " is not authorized to perform: "
              + action
              + " (its role grants "
              + String.join(", ", lambdaActions.stream().sorted().toList())
              + "); grant it in TunerFunctions and infra/template.yaml together";
      throw LambdaException.builder()
          .statusCode(403)
          .message(message)
          .awsErrorDetails(
              AwsErrorDetails.builder()
                  .errorCode("AccessDeniedException")
                  .errorMessage(message)
                  .serviceName("Lambda")
                  .build())
          .build();
    }
  }
}
