package org.openhaven.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.catalog.CatalogLoader;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.render.Manifest;
import org.openhaven.engine.render.RenderedBundle;
import org.openhaven.engine.render.StackRenderer;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.SpecContext;
import org.openhaven.engine.state.HavenStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code openhaven render --spec haven.yaml --out DIR}: the stack bundle for a spec, offline, with no cloud
 * account. The first thing a new user can run to see what OpenHaven would deploy.
 */
@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        description = {
            "Render the stack for a haven spec into a directory, offline: compose.yaml, .env (mode 0600),",
            "Traefik and Keycloak configuration, WireGuard client configs and manifest.json.",
            "Prints the services, images, DNS records and ports the haven needs."})
public final class RenderCommand implements Callable<Integer> {

    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "The haven spec (haven.yaml).")
    Path specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the bundle.")
    Path out;

    @Option(names = "--catalog", paramLabel = "DIR",
            description = "An extra catalog directory with third-party services (repeatable).")
    List<Path> extraCatalogs = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @CommandLine.ParentCommand
    OpenHavenCli parent;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        try {
            CliContext context = parent.context();
            Catalog catalog = extraCatalogs.isEmpty() ? BuiltInCatalog.get() : new CatalogLoader().load(extraCatalogs);
            // The sizes known offline (AWS), as 'validate' uses, so a server too small for the services is named here.
            HavenSpec spec = new SpecContext(catalog, SpecContext.builtIn().sizes()).loader().load(specFile);
            refuseForeignDirectory();
            RenderSecrets secrets = RenderSecrets.choose(havens(context), spec.name(), context.env(),
                    context.terminal().interactive() ? context.terminal() : null);
            RenderedBundle bundle = new StackRenderer(catalog).render(spec, secrets.store());
            removeFilesOfThePreviousRender();
            bundle.writeTo(this.out);
            bundle.writeClientFilesTo(this.out.resolve(RenderedBundle.CLIENTS_DIRECTORY));
            printSummary(out, bundle.manifest(), secrets.fromVault());
            return OpenHavenCli.OK;
        } catch (OpenHavenException e) {
            return CliErrors.report(e, err);
        }
    }

    /** The havens under OPENHAVEN_HOME from the command's environment, else the default location. */
    private static HavenStore havens(CliContext context) {
        String override = context.env().get("OPENHAVEN_HOME");
        return override == null || override.isBlank() ? HavenStore.atDefaultLocation() : new HavenStore(Path.of(override));
    }

    /** Never mixes a bundle into a directory of someone's own files. */
    private void refuseForeignDirectory() {
        if (!Files.isDirectory(out)) {
            return;
        }
        try (Stream<Path> entries = Files.list(out)) {
            if (entries.findAny().isPresent() && !Files.isRegularFile(out.resolve(StackRenderer.MANIFEST_FILE))) {
                throw OpenHavenException.config("The directory " + out + " is not empty and holds no earlier bundle.",
                        "Give a new or empty directory for --out; OpenHaven does not write among other files.");
            }
        } catch (IOException e) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "The directory " + out + " could not be read.")
                    .remedy("Check its permissions.").cause(e).build();
        }
    }

    /** Files the earlier bundle listed go first, so a service removed from the spec leaves nothing behind. */
    private void removeFilesOfThePreviousRender() {
        Path manifest = out.resolve(StackRenderer.MANIFEST_FILE);
        if (!Files.isRegularFile(manifest)) {
            return;
        }
        try {
            Manifest previous = new com.fasterxml.jackson.databind.ObjectMapper().readValue(manifest.toFile(), Manifest.class);
            for (String file : previous.files()) {
                Files.deleteIfExists(out.resolve(file).normalize());
            }
            for (String file : previous.clientFiles()) {
                Files.deleteIfExists(out.resolve(RenderedBundle.CLIENTS_DIRECTORY).resolve(file).normalize());
            }
        } catch (IOException e) {
            throw OpenHavenException.config("The directory " + out + " holds a manifest.json that is not an OpenHaven "
                    + "bundle manifest.", "Give a new or empty directory for --out.");
        }
    }

    private void printSummary(PrintWriter out, Manifest manifest, boolean fromVault) {
        out.printf("Rendered haven '%s' (%s) into %s%n", manifest.haven(), manifest.domain(), this.out);
        out.printf("Bundle %s%n%n", manifest.bundleHash().substring(0, 12));
        out.printf("Services (%d):%n", manifest.services().size());
        for (Manifest.Service service : manifest.services()) {
            // A service people reach from outside (it opens ports: the VPN, the mail server) is not "internal".
            boolean reachable = service.selectable()
                    || manifest.ports().stream().anyMatch(p -> p.service().equals(service.id()));
            String where = service.url() != null ? service.url() : reachable ? "(no web UI)" : "(internal)";
            out.printf("  %-16s %s%n", service.id(), where);
        }
        out.printf("%nImages (%d):%n", manifest.images().size());
        manifest.images().forEach(image -> out.println("  " + image));
        out.printf("%nDNS records:%n");
        for (Manifest.DnsRecordNeeded record : manifest.dnsRecords()) {
            String value = Manifest.DnsRecordNeeded.SERVER_IPV4.equals(record.value())
                    ? "the server's IPv4 address" : record.value();
            out.printf("  %-5s %-28s %s%n", record.type(), record.name(), value);
        }
        out.printf("%nPorts to open: %s%n", String.join(", ",
                manifest.ports().stream().map(p -> p.port() + "/" + p.protocol()).toList()));
        out.printf("Minimum memory: %d MiB%n", manifest.memoryMb());
        if (fromVault) {
            out.printf("%nSecrets: from the vault of haven '%s' (.env is readable by you only).%n", manifest.haven());
        } else {
            out.printf("%nNote: no haven '%s' exists yet, so the secrets in .env were generated for this preview only; "
                    + "a deploy uses the haven's vault, so its passwords will differ.%n", manifest.haven());
        }
        manifest.warnings().forEach(warning -> out.println("Warning: " + warning));
    }
}
