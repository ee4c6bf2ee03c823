package org.openhaven.engine.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless CLI: every wizard action is also a command here, on the same engine.
 * Exit codes: 0 ok, 1 operation failed, 2 bad input or usage, 3 locked.
 */
@Command(
        name = "openhaven",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Your own personal cloud: plan, deploy and look after a haven of self-hosted services.",
        subcommands = {
            CommandLine.HelpCommand.class,
            InitCommand.class,
            ValidateCommand.class,
            RenderCommand.class,
            PlanCommand.class,
            ApplyCommand.class,
            StatusCommand.class,
            DestroyCommand.class,
            UnlockCommand.class,
            SecretsCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            RecoverCommand.class,
            TrustHostCommand.class,
            SshKeyCommand.class,
        })
public final class OpenHavenCli implements Runnable {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int LOCKED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CliContext context;

    public OpenHavenCli() {
        this(null);
    }

    public OpenHavenCli(CliContext context) {
        this.context = context;
    }

    /** What the commands run against. */
    CliContext context() {
        return context == null ? CliContext.system() : context;
    }

    /** The context of the root command above {@code command}. */
    static CliContext contextOf(CommandLine command) {
        CommandLine root = command;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return ((OpenHavenCli) root.getCommand()).context();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the CLI and returns its exit code, without calling {@link System#exit}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        LogFiles.configure();
        return run(args, out, err, CliContext.system());
    }

    /** Runs the CLI against the given context (tests pass engines wired to test providers). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, CliContext context) {
        CommandLine commandLine = new CommandLine(new OpenHavenCli(context));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(ignored -> FAILED);
        commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> CliErrors.report(ex, err));
        commandLine.setParameterExceptionHandler((ex, ignored) -> {
            err.println(ex.getMessage());
            err.println("Run 'openhaven --help' for the commands and their options.");
            return USAGE;
        });
        return commandLine.execute(args);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err));
    }
}
