package io.powertune.tuner.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertune.analyzer.model.InvalidInputException;
import org.junit.jupiter.api.Test;

class FunctionArnTest {

  @Test
  void parse_fullArn_takesItsRegion() {
    FunctionArn arn =
        FunctionArn.parse("arn:aws:lambda:eu-west-1:123456789012:function:fn", "f", "us-east-1");

    assertThat(arn)
        .isEqualTo(
            new FunctionArn(
                "fn", "eu-west-1", "arn:aws:lambda:eu-west-1:123456789012:function:fn", null));
    assertThat(arn.qualified()).isFalse();
  }

  @Test
  void parse_qualifiedArn_keepsTheQualifierApart() {
    FunctionArn arn =
        FunctionArn.parse(
            "arn:aws-cn:lambda:cn-north-1:123456789012:function:fn:live", "f", "us-east-1");

    assertThat(arn.unqualified())
        .isEqualTo("arn:aws-cn:lambda:cn-north-1:123456789012:function:fn");
    assertThat(arn.qualifier()).isEqualTo("live");
    assertThat(arn.display()).endsWith("function:fn:live");
  }

  @Test
  void parse_latest_isUnqualified() {
    assertThat(FunctionArn.parse("fn:$LATEST", "f", "us-east-1").qualifier()).isNull();
  }

  @Test
  void parse_nameAndPartialArn_areInTheTunersRegion() {
    assertThat(FunctionArn.parse("fn:3", "f", "ap-south-1"))
        .isEqualTo(new FunctionArn("fn", "ap-south-1", "fn", "3"));
    assertThat(FunctionArn.parse("123456789012:function:fn", "f", "ap-south-1").unqualified())
        .isEqualTo("123456789012:function:fn");
  }

  @Test
  void parse_badRegion_isRefused() {
    assertThatThrownBy(
            () -> FunctionArn.parse("arn:aws:lambda:moon-1:123456789012:function:fn", "f", "x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("f: 'moon-1' is not an AWS region name");
  }
}
