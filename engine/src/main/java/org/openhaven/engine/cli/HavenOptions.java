package org.openhaven.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.state.HavenDirectory;
import picocli.CommandLine.Option;

/** {@code --haven NAME} and {@code --spec FILE}, shared by every command that works on one haven. */
public final class HavenOptions {

    @Option(names = "--haven", paramLabel = "NAME",
            description = "The haven to work on (default: the one in ./haven.yaml, or the only one there is).")
    String haven;

    @Option(names = "--spec", paramLabel = "FILE", description = "The haven.yaml to use; remembered for later commands.")
    Path spec;

    /** The spec of the chosen haven; a spec file given (or found in the working directory) is remembered. */
    HavenSpec resolve(CliContext context) {
        HavenEngine engine = context.engine().get();
        if (spec != null) {
            HavenSpec read = context.specReader().read(spec);
            requireSameName(read);
            engine.remember(read, spec);
            return read;
        }
        if (haven != null) {
            HavenDirectory dir = engine.directory(haven);
            if (!Files.isRegularFile(dir.specFile())) {
                throw OpenHavenException.config("There is no haven named '" + haven + "'.", known(engine.havens()));
            }
            return context.specReader().read(dir.specFile());
        }
        Path local = context.workingDirectory().resolve("haven.yaml");
        if (Files.isRegularFile(local)) {
            HavenSpec read = context.specReader().read(local);
            engine.remember(read, local);
            return read;
        }
        List<String> havens = engine.havens();
        if (havens.size() == 1) {
            return context.specReader().read(engine.directory(havens.get(0)).specFile());
        }
        if (havens.isEmpty()) {
            throw OpenHavenException.config("There is no haven yet, and no haven.yaml in this directory.",
                    "Run 'openhaven init' to write one, or pass your spec with --spec FILE.");
        }
        throw OpenHavenException.config("There are several havens: " + String.join(", ", havens) + ".",
                "Choose one with --haven NAME.");
    }

    /** Just the name, without reading the spec (for unlock and secrets, which need no spec). */
    String name(CliContext context) {
        if (haven != null) {
            context.engine().get().directory(haven);
            return haven;
        }
        return resolve(context).havenId();
    }

    private void requireSameName(HavenSpec read) {
        if (haven != null && !haven.equals(read.havenId())) {
            throw OpenHavenException.config("--haven " + haven + " does not match the spec's name '" + read.havenId()
                    + "'.", "Drop --haven, or pass the spec of haven '" + haven + "'.");
        }
    }

    private static String known(List<String> havens) {
        return havens.isEmpty() ? "Create one with 'openhaven init', or pass its spec with --spec FILE."
                : "Known havens: " + String.join(", ", havens) + ".";
    }
}
