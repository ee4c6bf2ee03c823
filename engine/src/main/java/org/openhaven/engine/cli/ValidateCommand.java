package org.openhaven.engine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.SpecContext;
import org.openhaven.engine.spec.SpecValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openhaven validate}: checks a spec offline and lists every problem in it, with file lines. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check haven.yaml without touching any server, and list every problem in it.")
public final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--spec", paramLabel = "FILE", defaultValue = "haven.yaml",
            description = "The haven spec to check (default: ${DEFAULT-VALUE}).")
    Path specFile;

    @Spec
    CommandSpec command;

    /** Loaded when the command runs, so a broken catalog is reported like any other failure. */
    private final Supplier<SpecContext> contexts;
    private SpecContext context;

    public ValidateCommand() {
        this(SpecContext::builtIn);
    }

    ValidateCommand(Supplier<SpecContext> contexts) {
        this.contexts = contexts;
    }

    @Override
    public Integer call() {
        try {
            context = contexts.get();
            HavenSpec spec = context.loader().load(specFile);
            List<String> resolved = context.catalog().resolve(SpecValidator.requestedServices(spec, context.catalog()));
            int memoryMb = resolved.stream().mapToInt(context.catalog()::minimumMemoryMb).sum();
            command.commandLine().getOut().println(specFile + " is valid: " + resolved.size() + " services ("
                    + String.join(", ", resolved) + ")" + (memoryMb > 0 ? ", needs " + memoryMb + " MiB" : ""));
            return OpenHavenCli.OK;
        } catch (OpenHavenException failure) {
            command.commandLine().getErr().println(failure.describe());
            return failure.category() == ErrorCategory.CONFIG ? OpenHavenCli.USAGE : OpenHavenCli.FAILED;
        }
    }
}
