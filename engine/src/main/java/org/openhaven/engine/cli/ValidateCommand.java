package org.openhaven.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.InvalidSpecException;
import org.openhaven.engine.spec.SpecContext;
import org.openhaven.engine.spec.SpecProblem;
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

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Option(names = "--spec", paramLabel = "FILE", defaultValue = "haven.yaml",
            description = "The haven spec to check (default: ${DEFAULT-VALUE}).")
    Path specFile;

    @Option(names = "--json", description = "Print the result as JSON on stdout (for editors and CI): "
            + "{valid, services, memoryMb} or {valid, problems: [{path, line, message}]}.")
    boolean json;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        try {
            // Loaded here rather than at construction, so a broken catalog is reported like any other failure.
            SpecContext context = SpecContext.builtIn();
            HavenSpec spec = context.loader().load(specFile);
            List<String> resolved = context.catalog().resolve(SpecValidator.requestedServices(spec, context.catalog()));
            int memoryMb = resolved.stream().mapToInt(context.catalog()::minimumMemoryMb).sum();
            command.commandLine().getOut().println(json ? validJson(resolved, memoryMb)
                    : specFile + " is valid: " + resolved.size() + " services (" + String.join(", ", resolved) + ")"
                            + (memoryMb > 0 ? ", needs " + memoryMb + " MiB" : ""));
            return OpenHavenCli.OK;
        } catch (InvalidSpecException invalid) {
            if (json) {
                command.commandLine().getOut().println(problemsJson(invalid.problems()));
            } else {
                command.commandLine().getErr().println(invalid.describe());
            }
            return OpenHavenCli.USAGE;
        } catch (OpenHavenException failure) {
            command.commandLine().getErr().println(failure.describe());
            return failure.category() == ErrorCategory.CONFIG ? OpenHavenCli.USAGE : OpenHavenCli.FAILED;
        }
    }

    private static String validJson(List<String> services, int memoryMb) {
        ObjectNode result = MAPPER.createObjectNode().put("valid", true);
        services.forEach(result.putArray("services")::add);
        result.put("memoryMb", memoryMb);
        return text(result);
    }

    private static String problemsJson(List<SpecProblem> problems) {
        ObjectNode result = MAPPER.createObjectNode().put("valid", false);
        ArrayNode list = result.putArray("problems");
        problems.forEach(problem -> list.addObject()
                .put("path", problem.path())
                .put("line", problem.line())
                .put("message", problem.message()));
        return text(result);
    }

    private static String text(ObjectNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException impossible) {
            throw OpenHavenException.internal("The validation result could not be written as JSON.", impossible);
        }
    }
}
