package org.openhaven.engine.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.HavenSpecWriter;
import org.openhaven.engine.spec.InvalidSpecException;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.spec.SpecContext;
import org.openhaven.engine.cli.InitAnswers.Answer;
import org.openhaven.engine.state.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code openhaven init}: writes a first {@code haven.yaml}, asking on a terminal or taking flags. Validates before
 * writing and never overwrites an existing file unless told to, and then keeps the old one as {@code .bak}.
 */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {"Write a new haven.yaml: asks a few questions on a terminal, or takes every answer as a flag.",
                "Runs without questions when input is not a terminal or with --yes; then --domain and --owner-email "
                        + "are required and the rest has defaults."})
public final class InitCommand implements Callable<Integer> {

    @Option(names = "--name", paramLabel = "ID", description = "A short id for the haven (default: from the domain).")
    String name;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "The domain your services live under.")
    String domain;

    @Option(names = "--owner-name", paramLabel = "NAME", description = "Your name (default: from the email).")
    String ownerName;

    @Option(names = "--owner-email", paramLabel = "EMAIL", description = "Your email address.")
    String ownerEmail;

    @Option(names = "--provider", paramLabel = "PROVIDER",
            description = "hetzner, digitalocean, aws, or ssh for a server you have (default: hetzner; ssh with --host).")
    String provider;

    @Option(names = "--region", paramLabel = "REGION", description = "The cloud region (default: per provider).")
    String region;

    @Option(names = "--size", paramLabel = "SIZE", description = "The server size (default: per provider).")
    String size;

    @Option(names = "--host", paramLabel = "HOST", description = "Your existing server's address (provider ssh).")
    String host;

    @Option(names = "--ssh-user", paramLabel = "USER",
            description = "The user OpenHaven logs in as on your server: root, or one with passwordless sudo "
                    + "(default: root).")
    String sshUser;

    @Option(names = "--ssh-port", paramLabel = "PORT", description = "Your server's SSH port (default: 22).")
    Integer sshPort;

    @Option(names = "--dns", paramLabel = "PROVIDER", description = "cloudflare, route53 or manual (default: manual).")
    String dns;

    @Option(names = "--services", paramLabel = "IDS", description = "Comma-separated service ids (default: "
            + InitAnswers.DEFAULT_SERVICES + ").")
    String services;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "haven.yaml",
            description = "Where to write the spec (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--force", description = "Replace an existing file; the old one is kept as FILE.bak.")
    boolean force;

    @Option(names = {"-y", "--yes"}, description = "Ask nothing: take flags and defaults.")
    boolean yes;

    @Spec
    CommandSpec command;

    /** Loaded when the command runs, so a broken catalog is reported like any other failure. */
    private SpecContext context;

    @Override
    public Integer call() {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter stderr = command.commandLine().getErr();
        try {
            context = SpecContext.builtIn();
            if (Files.exists(out) && !force) {
                stderr.println(out + " already exists; 'openhaven init' does not overwrite it.\n  → Edit it and run "
                        + "'openhaven validate', write elsewhere with --out FILE, or replace it with --force "
                        + "(the old file is kept as " + backupOf(out).getFileName() + ").");
                return OpenHavenCli.USAGE;
            }
            InitAnswers answers = flags();
            HavenSpec spec = interactive()
                    ? new InitInterview(terminalQuestions(stdout), context, stdout).run(answers)
                    : validateFlags(answers, stderr);
            if (spec == null) {
                return OpenHavenCli.USAGE;
            }
            write(spec);
            stdout.println("Wrote " + out + " for haven '" + spec.name() + "': " + String.join(", ", spec.serviceIds())
                    + " on " + where(spec.server()) + ", under " + spec.domain() + ".");
            stdout.println(spec.server().isExistingServer()
                    ? "Next: run 'openhaven ssh-key' to create the haven's SSH key and see the line to add on "
                            + spec.server().host() + "; then 'openhaven ssh-key --check' and 'openhaven plan'."
                    : "Next: run 'openhaven plan' to see what would be created and what it costs.");
            return OpenHavenCli.OK;
        } catch (OpenHavenException failure) {
            stderr.println(failure.describe());
            return failure.category() == ErrorCategory.CONFIG ? OpenHavenCli.USAGE : OpenHavenCli.FAILED;
        }
    }

    /** Questions only when a person can answer them: stdin and stdout are a terminal and --yes is absent. */
    private boolean interactive() {
        return !yes && onTerminal();
    }

    /**
     * Whether stdin and stdout are a terminal. On Java 17–21 that is {@code System.console() != null}; from Java 22
     * a console exists even when redirected, and {@code Console.isTerminal()} tells.
     */
    private static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJava) {
            return true;
        }
    }

    private static InitQuestions terminalQuestions(PrintWriter stdout) {
        return new InitQuestions(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), stdout);
    }

    private InitAnswers flags() {
        InitAnswers answers = new InitAnswers();
        answers.put(Answer.NAME, name);
        answers.put(Answer.DOMAIN, domain);
        answers.put(Answer.OWNER_NAME, ownerName);
        answers.put(Answer.OWNER_EMAIL, ownerEmail);
        answers.put(Answer.PROVIDER, provider == null && host != null ? "ssh" : provider);
        answers.put(Answer.REGION, region);
        answers.put(Answer.SIZE, size);
        answers.put(Answer.SSH_USER, sshUser);
        answers.put(Answer.SSH_PORT, sshPort == null ? null : sshPort.toString());
        answers.put(Answer.HOST, host);
        answers.put(Answer.DNS, dns);
        answers.put(Answer.SERVICES, services);
        return answers;
    }

    private HavenSpec validateFlags(InitAnswers answers, PrintWriter stderr) {
        List<String> missing = answers.missingFlags(List.of(Answer.DOMAIN, Answer.OWNER_EMAIL));
        if (!missing.isEmpty()) {
            stderr.println("'openhaven init' needs " + String.join(" and ", missing) + " when it does not ask "
                    + "questions (input is not a terminal, or --yes was given).\n  → For example: openhaven init "
                    + "--domain example.org --owner-email you@example.org");
            return null;
        }
        answers.fillDefaults();
        try {
            return context.validator().validate(answers.draft());
        } catch (InvalidSpecException invalid) {
            stderr.println("The answers have " + (invalid.problems().size() == 1 ? "a problem" : "problems")
                    + "; nothing was written:");
            invalid.problems().forEach(problem -> stderr.println("  " + InitAnswers.withFlag(problem)));
            stderr.println("  → Correct the flags named above and run 'openhaven init' again.");
            return null;
        }
    }


    /** Keeps a replaced file as {@code .bak}, then writes atomically: an interrupted init leaves no half spec. */
    private void write(HavenSpec spec) {
        if (Files.exists(out)) {
            try {
                Files.copy(out, backupOf(out), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException unwritable) {
                throw OpenHavenException.of(ErrorCategory.CONFIG, "The existing " + out + " could not be kept as "
                        + backupOf(out).getFileName() + ", so it was left untouched.")
                        .remedy("Check that you may write to its folder, or choose another file with --out FILE.")
                        .cause(unwritable)
                        .build();
            }
        }
        AtomicFiles.write(out, new HavenSpecWriter().write(spec).getBytes(StandardCharsets.UTF_8));
    }

    private static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    private static String where(ServerSpec server) {
        return server.isExistingServer() ? server.host() + " over SSH" : server.provider() + " " + server.size()
                + " in " + server.region();
    }

}
