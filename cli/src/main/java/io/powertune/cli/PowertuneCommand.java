package io.powertune.cli;

import picocli.CommandLine.Command;

/** The top-level command; {@link Main} adds the subcommands. */
@Command(
    name = "powertune",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Finds the memory size at which a serverless function is cheapest, fastest or best"
            + " balanced.")
public final class PowertuneCommand {}
