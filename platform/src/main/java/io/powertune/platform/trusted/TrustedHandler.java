package io.powertune.platform.trusted;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.Map;

/**
 * A handler the platform runs inside its own JVM instead of in a runtime process: trusted code on
 * the platform's classpath (for example a tuner's own workflow steps), so that it starts at once
 * and takes no CPU share from the functions being measured.
 *
 * <p>A function runs in process only when its runtime is a Java one, its handler string is exactly
 * {@code handler}, its deployment package is exactly the code this entry vouches for ({@code
 * codeSha256}) and it asks for it with the variable {@value #IN_PROCESS}{@code =true}; any other
 * function (the same code deployed as on AWS, too) runs in a process as usual. Such invocations go
 * through the normal Invoke path and write START, END and REPORT lines, but are not subject to
 * admission control (they hold no CPU share) and their REPORT says {@code CPU Scaling:
 * unavailable}.
 *
 * @param handler the handler string as functions name it ({@code package.Class::handleRequest})
 * @param codeSha256 base64 SHA-256 of the deployment package that holds this handler
 * @param factory makes one handler instance per execution environment
 */
public record TrustedHandler(String handler, String codeSha256, Factory factory) {

  /** Makes a handler for one execution environment. */
  @FunctionalInterface
  public interface Factory {
    /**
     * @param environment the variables a process of this function would get (AWS_REGION,
     *     AWS_ENDPOINT_URL, credentials, the function's own variables)
     */
    RequestStreamHandler create(Map<String, String> environment) throws Exception;
  }

  /** The function variable that asks for a trusted handler to run in the platform's JVM. */
  public static final String IN_PROCESS = "POWERTUNE_IN_PROCESS";

  /** True when a function with this runtime, handler, code and variables runs in process. */
  public boolean matches(
      String runtime,
      String functionHandler,
      String functionCodeSha256,
      Map<String, String> variables) {
    return runtime.startsWith("java")
        && handler.equals(functionHandler)
        && codeSha256.equals(functionCodeSha256)
        && "true".equals(variables.get(IN_PROCESS));
  }
}
