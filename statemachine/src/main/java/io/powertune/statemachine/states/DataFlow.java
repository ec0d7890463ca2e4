package io.powertune.statemachine.states;

import io.powertune.statemachine.path.PayloadTemplate;
import io.powertune.statemachine.path.ReferencePath;

/**
 * The fields that shape a state's data, applied in this order: InputPath, Parameters (the work),
 * ResultSelector, ResultPath, OutputPath.
 *
 * @param inputPath the input path; null when the definition set it to JSON null (input {})
 * @param parameters null when absent
 * @param resultSelector null when absent
 * @param resultPath null when the definition set it to JSON null (the result is discarded)
 * @param outputPath null when the definition set it to JSON null (output {})
 */
public record DataFlow(
    String inputPath,
    PayloadTemplate parameters,
    PayloadTemplate resultSelector,
    ReferencePath resultPath,
    String outputPath) {

  public static final DataFlow DEFAULT =
      new DataFlow("$", null, null, ReferencePath.parse("$"), "$");
}
