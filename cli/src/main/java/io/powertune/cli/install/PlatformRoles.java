package io.powertune.cli.install;

import io.powertune.tuner.TunerFunctions.TunerFunction;
import java.util.Collection;
import java.util.List;

/**
 * Roles on the embedded platform, which has no IAM and does not check roles: each is only named, in
 * the platform's account. What the functions may call is still limited, by their clients.
 */
public final class PlatformRoles implements TunerRoles {

  private static final String PREFIX = "arn:aws:iam::000000000000:role/";

  @Override
  public String functionRole(TunerFunction function) {
    return PREFIX + function.name();
  }

  @Override
  public String stateMachineRole(Collection<String> functionArns) {
    return PREFIX + "powertune-state-machine";
  }

  @Override
  public boolean propagating() {
    return false;
  }

  @Override
  public boolean changed() {
    return false;
  }

  @Override
  public List<String> remove() {
    return List.of();
  }
}
