package org.openhaven.engine.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.HavenSpecWriter;
import org.openhaven.engine.spec.InvalidSpecException;
import org.openhaven.engine.spec.MailSpec;
import org.openhaven.engine.spec.Owner;
import org.openhaven.engine.spec.ProviderDefaults;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.spec.ServiceSelection;
import org.openhaven.engine.spec.SpecContext;
import org.openhaven.engine.spec.SpecProblem;
import org.openhaven.engine.spec.SpecValidator;
import org.openhaven.engine.spec.TlsMode;
import org.openhaven.engine.spec.VpnSpec;
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

    static final String DEFAULT_SERVICES = "vaultwarden,nextcloud,gitea";

    /** The answers init collects, each tied to the spec path its problems are reported at and to its flag. */
    enum Answer {
        DOMAIN("domain", "--domain"),
        NAME("name", "--name"),
        OWNER_NAME("owner.name", "--owner-name"),
        OWNER_EMAIL("owner.email", "--owner-email"),
        PROVIDER("server.provider", "--provider"),
        REGION("server.region", "--region"),
        SIZE("server.size", "--size"),
        HOST("server.host", "--host"),
        DNS("dns.provider", "--dns"),
        SERVICES("services", "--services");

        final String path;
        final String flag;

        Answer(String path, String flag) {
            this.path = path;
            this.flag = flag;
        }

        /** The answer a spec problem is about, or null when no answer of init's sets that path. */
        static Answer forPath(String problemPath) {
            return Arrays.stream(values())
                    .filter(answer -> problemPath.equals(answer.path) || problemPath.startsWith(answer.path + "["))
                    .findFirst()
                    .orElse(null);
        }
    }

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

    @Option(names = "--dns", paramLabel = "PROVIDER", description = "cloudflare, route53 or manual (default: manual).")
    String dns;

    @Option(names = "--services", paramLabel = "IDS", description = "Comma-separated service ids (default: "
            + DEFAULT_SERVICES + ").")
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

    private final SpecContext context;

    public InitCommand() {
        this(SpecContext.builtIn());
    }

    InitCommand(SpecContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter stderr = command.commandLine().getErr();
        try {
            if (Files.exists(out) && !force) {
                stderr.println(out + " already exists; 'openhaven init' does not overwrite it.\n  → Edit it and run "
                        + "'openhaven validate', write elsewhere with --out FILE, or replace it with --force "
                        + "(the old file is kept as " + backupOf(out).getFileName() + ").");
                return OpenHavenCli.USAGE;
            }
            Map<Answer, String> answers = flags();
            HavenSpec spec = interactive() ? askUntilValid(answers, stdout) : validateFlags(answers, stderr);
            if (spec == null) {
                return OpenHavenCli.USAGE;
            }
            write(spec);
            stdout.println("Wrote " + out + " for haven '" + spec.name() + "': " + String.join(", ", spec.serviceIds())
                    + " on " + where(spec.server()) + ", under " + spec.domain() + ".");
            stdout.println("Next: run 'openhaven plan' to see what would be created and what it costs.");
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

    private Map<Answer, String> flags() {
        Map<Answer, String> answers = new EnumMap<>(Answer.class);
        putIfSet(answers, Answer.NAME, name);
        putIfSet(answers, Answer.DOMAIN, domain);
        putIfSet(answers, Answer.OWNER_NAME, ownerName);
        putIfSet(answers, Answer.OWNER_EMAIL, ownerEmail);
        putIfSet(answers, Answer.PROVIDER, provider == null && host != null ? "ssh" : provider);
        putIfSet(answers, Answer.REGION, region);
        putIfSet(answers, Answer.SIZE, size);
        putIfSet(answers, Answer.HOST, host);
        putIfSet(answers, Answer.DNS, dns);
        putIfSet(answers, Answer.SERVICES, services);
        return answers;
    }

    private HavenSpec validateFlags(Map<Answer, String> answers, PrintWriter stderr) {
        List<String> missing = new ArrayList<>();
        for (Answer required : List.of(Answer.DOMAIN, Answer.OWNER_EMAIL)) {
            if (!answers.containsKey(required)) {
                missing.add(required.flag);
            }
        }
        if (!missing.isEmpty()) {
            stderr.println("'openhaven init' needs " + String.join(" and ", missing) + " when it does not ask "
                    + "questions (input is not a terminal, or --yes was given).\n  → For example: openhaven init "
                    + "--domain example.org --owner-email you@example.org");
            return null;
        }
        fillDefaults(answers);
        try {
            return context.validator().validate(draft(answers));
        } catch (InvalidSpecException invalid) {
            stderr.println("The answers have " + (invalid.problems().size() == 1 ? "a problem" : "problems")
                    + "; nothing was written:");
            invalid.problems().forEach(problem -> stderr.println("  " + withFlag(problem)));
            stderr.println("  → Correct the flags named above and run 'openhaven init' again.");
            return null;
        }
    }

    private HavenSpec askUntilValid(Map<Answer, String> answers, PrintWriter stdout) {
        InitQuestions questions = new InitQuestions(
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), stdout);
        stdout.println("A few questions for your haven.yaml; press Enter to take the answer in [brackets].");
        Set<Answer> toAsk = new LinkedHashSet<>(Arrays.asList(Answer.values()));
        toAsk.removeAll(answers.keySet());
        while (true) {
            ask(questions, toAsk, answers);
            List<SpecProblem> problems = context.validator().problems(draft(answers));
            if (problems.isEmpty()) {
                return context.validator().validate(draft(answers));
            }
            toAsk.clear();
            for (SpecProblem problem : problems) {
                stdout.println("  " + problem.describe());
                Answer answer = Answer.forPath(problem.path());
                if (answer != null) {
                    toAsk.add(answer);
                }
            }
            if (toAsk.isEmpty()) {
                // Nothing init asks about can fix these; asking the same questions again would loop forever.
                throw OpenHavenException.config("The answers do not make a valid haven; nothing was written.",
                        "Write haven.yaml by hand from examples/haven.yaml and run 'openhaven validate'.");
            }
        }
    }

    private void ask(InitQuestions questions, Set<Answer> toAsk, Map<Answer, String> answers) {
        for (Answer answer : Answer.values()) {
            if (!toAsk.contains(answer)) {
                continue;
            }
            String current = answers.getOrDefault(answer, defaultFor(answer, answers));
            boolean existing = "ssh".equals(answers.get(Answer.PROVIDER));
            String value = switch (answer) {
                case DOMAIN -> questions.ask("Domain your services live under, e.g. example.org", current);
                case NAME -> questions.ask("A short id for this haven", current);
                case OWNER_NAME -> questions.ask("Your name", current);
                case OWNER_EMAIL -> questions.ask("Your email address", current);
                case PROVIDER -> questions.choose("Where should the server run", SpecValidator.SERVER_PROVIDERS, current);
                case REGION -> existing ? null : questions.ask("Region", current);
                case SIZE -> existing ? null : questions.ask("Server size", current);
                case HOST -> existing ? questions.ask("Your server's address", current) : null;
                case DNS -> questions.choose("Who manages DNS", SpecValidator.DNS_PROVIDERS, current);
                case SERVICES -> questions.ask("Services, separated by commas", current);
            };
            putIfSet(answers, answer, value);
        }
        toAsk.clear();
    }

    /** Fills every answer not given with its default, in question order so later defaults see earlier answers. */
    private static void fillDefaults(Map<Answer, String> answers) {
        for (Answer answer : Answer.values()) {
            if (!answers.containsKey(answer)) {
                putIfSet(answers, answer, defaultFor(answer, answers));
            }
        }
    }

    private static String defaultFor(Answer answer, Map<Answer, String> answers) {
        String chosenProvider = answers.getOrDefault(Answer.PROVIDER, "hetzner");
        return switch (answer) {
            case NAME -> answers.containsKey(Answer.DOMAIN)
                    ? SpecValidator.slugOf(answers.get(Answer.DOMAIN).split("\\.")[0], SpecValidator.NAME_MAX) : null;
            case OWNER_NAME -> answers.containsKey(Answer.OWNER_EMAIL)
                    ? capitalised(answers.get(Answer.OWNER_EMAIL).split("@")[0]) : null;
            case PROVIDER -> "hetzner";
            case REGION -> ProviderDefaults.region(chosenProvider);
            case SIZE -> ProviderDefaults.size(chosenProvider);
            case DNS -> "manual";
            case SERVICES -> DEFAULT_SERVICES;
            case DOMAIN, OWNER_EMAIL, HOST -> null;
        };
    }

    private static HavenSpec draft(Map<Answer, String> answers) {
        String chosenProvider = answers.get(Answer.PROVIDER);
        ServerSpec server = "ssh".equals(chosenProvider)
                ? new ServerSpec("ssh", null, null, answers.get(Answer.HOST), 22, "root", null)
                : new ServerSpec(chosenProvider, answers.get(Answer.REGION), answers.get(Answer.SIZE),
                        answers.get(Answer.HOST), null, null, null);
        List<ServiceSelection> selections = Arrays.stream(answers.getOrDefault(Answer.SERVICES, "").split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .map(ServiceSelection::of)
                .toList();
        return new HavenSpec(answers.get(Answer.NAME), answers.get(Answer.DOMAIN),
                new Owner(answers.get(Answer.OWNER_NAME), answers.get(Answer.OWNER_EMAIL)), server,
                new DnsSpec(answers.get(Answer.DNS), null), TlsMode.HTTP_01, selections, null, VpnSpec.NONE,
                MailSpec.OFF);
    }

    /** Writes through a temporary file and a move, so an interrupted init never leaves half a spec behind. */
    private void write(HavenSpec spec) {
        Path target = out.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.copy(target, backupOf(target), StandardCopyOption.REPLACE_EXISTING);
            }
            Path temporary = Files.createTempFile(target.getParent(), ".haven", ".yaml.tmp");
            try {
                Files.writeString(temporary, new HavenSpecWriter().write(spec), StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException unwritable) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, out + " could not be written.")
                    .remedy("Check that its folder exists and is writable, or choose another file with --out FILE.")
                    .cause(unwritable)
                    .build();
        }
    }

    private static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    private static String withFlag(SpecProblem problem) {
        Answer answer = Answer.forPath(problem.path());
        return answer == null ? problem.describe()
                : problem.path() + " (" + answer.flag + "): " + problem.message();
    }

    private static String where(ServerSpec server) {
        return server.isExistingServer() ? server.host() + " over SSH" : server.provider() + " " + server.size()
                + " in " + server.region();
    }

    private static String capitalised(String text) {
        return Arrays.stream(text.split("[._-]+"))
                .filter(part -> !part.isEmpty())
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining(" "));
    }

    private static void putIfSet(Map<Answer, String> answers, Answer answer, String value) {
        if (value != null && !value.isBlank()) {
            answers.put(answer, value.trim());
        }
    }
}
