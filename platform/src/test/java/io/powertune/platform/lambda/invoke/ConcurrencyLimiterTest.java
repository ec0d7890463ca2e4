package io.powertune.platform.lambda.invoke;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertune.platform.lambda.errors.TooManyRequestsException;
import io.powertune.platform.lambda.model.FunctionKey;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ConcurrencyLimiterTest {

  private static final FunctionKey A = new FunctionKey("000000000000", "us-east-1", "a");
  private static final FunctionKey B = new FunctionKey("000000000000", "us-east-1", "b");

  @Test
  void reserved_limitsThatFunctionOnly() {
    ConcurrencyLimiter limiter = new ConcurrencyLimiter(10);
    limiter.acquire(A, OptionalInt.of(1), 1);

    assertThatThrownBy(() -> limiter.acquire(A, OptionalInt.of(1), 1))
        .isInstanceOf(TooManyRequestsException.class)
        .hasMessage("Rate Exceeded.");
    assertThatCode(() -> limiter.acquire(B, OptionalInt.empty(), 1)).doesNotThrowAnyException();
  }

  @Test
  void unreserved_shareWhatTheReservationsLeave() {
    ConcurrencyLimiter limiter = new ConcurrencyLimiter(3);
    limiter.acquire(B, OptionalInt.empty(), 1);
    limiter.acquire(B, OptionalInt.empty(), 1);

    assertThatThrownBy(() -> limiter.acquire(B, OptionalInt.empty(), 1))
        .isInstanceOfSatisfying(
            TooManyRequestsException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.reason())
                    .isEqualTo(TooManyRequestsException.Reason.ConcurrentInvocationLimitExceeded));
    limiter.release(B, false);
    assertThatCode(() -> limiter.acquire(B, OptionalInt.empty(), 1)).doesNotThrowAnyException();
  }

  @Test
  void reservedZero_throttlesEveryCall() {
    ConcurrencyLimiter limiter = new ConcurrencyLimiter(10);

    assertThatThrownBy(() -> limiter.acquire(A, OptionalInt.of(0), 0))
        .isInstanceOf(TooManyRequestsException.class);
  }
}
