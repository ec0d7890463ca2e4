package io.powertune.platform.lambda.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The state tables of function versions and updates. */
class LifecycleTest {

  @Test
  void functionState_pendingBecomesActiveOrFailed_only() {
    assertThat(FunctionState.Pending.to(FunctionState.Active)).isEqualTo(FunctionState.Active);
    assertThat(FunctionState.Pending.to(FunctionState.Failed)).isEqualTo(FunctionState.Failed);
    assertThatThrownBy(() -> FunctionState.Active.to(FunctionState.Pending))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("function state cannot go from Active to Pending");
  }

  @Test
  void updateStatus_inProgressEndsOnce_andAnUpdateStartsAgain() {
    assertThat(UpdateStatus.Successful.to(UpdateStatus.InProgress))
        .isEqualTo(UpdateStatus.InProgress);
    assertThat(UpdateStatus.InProgress.to(UpdateStatus.Successful))
        .isEqualTo(UpdateStatus.Successful);
    assertThatThrownBy(() -> UpdateStatus.Successful.to(UpdateStatus.Successful))
        .isInstanceOf(IllegalStateException.class);
  }
}
