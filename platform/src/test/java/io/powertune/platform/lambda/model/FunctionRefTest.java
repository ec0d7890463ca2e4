package io.powertune.platform.lambda.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertune.platform.lambda.errors.InvalidParameterValueException;
import io.powertune.platform.lambda.errors.ResourceNotFoundException;
import io.powertune.platform.lambda.errors.ValidationException;
import org.junit.jupiter.api.Test;

class FunctionRefTest {

  private static FunctionRef parse(String name, String qualifier) {
    return FunctionRef.parse(name, qualifier, "us-east-1", "000000000000");
  }

  @Test
  void everyNameForm_resolvesToTheSameFunction() {
    FunctionKey key = new FunctionKey("000000000000", "us-east-1", "f");

    assertThat(parse("f", null)).isEqualTo(new FunctionRef(key, null));
    assertThat(parse("f:3", null)).isEqualTo(new FunctionRef(key, "3"));
    assertThat(parse("000000000000:function:f", null)).isEqualTo(new FunctionRef(key, null));
    assertThat(parse("arn:aws:lambda:us-east-1:000000000000:function:f:RAM512", null))
        .isEqualTo(new FunctionRef(key, "RAM512"));
    assertThat(parse("f", "$LATEST").arn())
        .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:f:$LATEST");
  }

  @Test
  void arnOfAnotherRegion_isNotReachable() {
    assertThatThrownBy(() -> parse("arn:aws:lambda:eu-west-1:000000000000:function:f", null))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessage("Functions from 'eu-west-1' are not reachable in this region ('us-east-1')");
  }

  @Test
  void qualifierThatDisagreesWithTheArn_isRejected() {
    assertThatThrownBy(() -> parse("f:1", "2"))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("does not match the specified qualifier");
  }

  @Test
  void malformedName_isAValidationError() {
    assertThatThrownBy(() -> parse("has space", null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> parse("f", "bad qualifier")).isInstanceOf(ValidationException.class);
  }
}
