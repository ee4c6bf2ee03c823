package org.openhaven.engine.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openhaven.engine.error.OpenHavenException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one {@code service.yaml} strictly: an unknown field, a missing required field, an unpinned image or an
 * id that does not match its folder fails with a message naming the file and the field. Third-party catalogs
 * go through the same gate, so a typo in a plugin is caught before anything is rendered.
 */
public final class ServiceDefinitionParser {

    /** Fields every service.yaml must state; the others have a meaningful empty default. */
    static final List<String> REQUIRED = List.of(
            "id", "name", "description", "category", "selectable", "images", "sso", "memoryMb", "health", "backup");
    /** Host services (kind: host) run outside the stack: no images, health checks or SSO to state. */
    static final List<String> REQUIRED_FOR_HOST = List.of("id", "name", "description", "category", "kind");

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    /** An image reference ending in an exact version tag: digits and dots, optional v and suffix; never latest. */
    private static final Pattern PINNED_IMAGE =
            Pattern.compile("[a-z0-9./_-]+:v?[0-9]+(\\.[0-9]+)+(-[A-Za-z0-9.-]+)?");
    private static final Set<String> SECRET_KINDS = Set.of("password", "hex16", "hex32", "hex64", "argon2id-hash", "external");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * Parses and validates one service definition.
     *
     * @param yaml   the text of service.yaml
     * @param source where it came from, for messages ("classpath:templates/services/gitea/service.yaml")
     * @param folder the folder name the id must equal
     */
    public ServiceDefinition parse(String yaml, String source, String folder) {
        Object tree;
        try {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw invalid(source, "is not valid YAML: " + firstLine(e.getMessage()), e);
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw invalid(source, "must be a YAML mapping of fields (id, name, images, ...)", null);
        }
        JsonNode node = mapper.valueToTree(map);
        boolean host = ServiceDefinition.HOST.equals(node.path("kind").asText(ServiceDefinition.CONTAINER));
        for (String field : host ? REQUIRED_FOR_HOST : REQUIRED) {
            if (!node.hasNonNull(field)) {
                throw invalid(source, "misses the required field '" + field + "'", null);
            }
        }
        ServiceDefinition definition;
        try {
            definition = mapper.treeToValue(node, ServiceDefinition.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
            throw invalid(source, "has an unknown field '" + path(e) + "' (known fields here: " + known + ")", e);
        } catch (InvalidFormatException e) {
            throw invalid(source, "has an invalid value '" + e.getValue() + "' for field '" + path(e) + "'", e);
        } catch (MismatchedInputException e) {
            throw invalid(source, "has a value of the wrong type for field '" + path(e) + "'", e);
        } catch (JsonProcessingException e) {
            throw invalid(source, "could not be read: " + firstLine(e.getOriginalMessage()), e);
        }
        validate(definition, source, folder);
        return definition;
    }

    private static void validate(ServiceDefinition d, String source, String folder) {
        List<String> problems = new ArrayList<>();
        if (!ID.matcher(d.id()).matches()) {
            problems.add("field 'id' must be lower-case letters, digits and dashes, got '" + d.id() + "'");
        } else if (folder != null && !d.id().equals(folder)) {
            problems.add("field 'id' is '" + d.id() + "' but the folder is '" + folder + "'; they must match");
        }
        if (!Set.of(ServiceDefinition.CONTAINER, ServiceDefinition.HOST).contains(d.kind())) {
            problems.add("field 'kind' must be container or host, got '" + d.kind() + "'");
        }
        if (d.runsOnHost()) {
            if (!d.images().isEmpty() || d.web() != null || d.subdomain() != null) {
                problems.add("a service of kind host has no 'images', 'web' or 'subdomain'");
            }
        } else if (d.images().isEmpty()) {
            problems.add("field 'images' must name at least one container image");
        }
        d.images().forEach((container, image) -> {
            if (image == null || !PINNED_IMAGE.matcher(image).matches() || image.endsWith(":latest")) {
                problems.add("field 'images." + container + "' must pin an exact version tag (e.g. name:1.2.3), got '"
                        + image + "'");
            }
        });
        if (d.memoryMb() <= 0 && !d.runsOnHost()) {
            problems.add("field 'memoryMb' must be a positive number of MiB");
        }
        if (d.web() != null && d.subdomain() == null) {
            problems.add("field 'subdomain' is required when 'web' is set");
        }
        if (d.web() != null && !d.images().containsKey(d.web().container())) {
            problems.add("field 'web.container' names '" + d.web().container() + "', which is not under 'images'");
        }
        if (!d.runsOnHost() && (!d.files().isEmpty() || !d.hostPackages().isEmpty())) {
            problems.add("fields 'files' and 'host-packages' belong to services of kind host");
        }
        if (d.sso() == SsoKind.OIDC && (d.oidc() == null || d.oidc().redirectPaths().isEmpty())) {
            problems.add("field 'oidc.redirectPaths' is required when 'sso' is oidc");
        }
        if (d.sso() != SsoKind.OIDC && d.oidc() != null) {
            problems.add("field 'oidc' is only allowed when 'sso' is oidc");
        }
        if (d.sso() != SsoKind.NONE && d.web() == null) {
            problems.add("field 'sso' is " + d.sso().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + " but the service has no 'web' UI to sign in to");
        }
        for (String container : d.images().keySet()) {
            if (d.health().stream().noneMatch(h -> container.equals(h.container()))) {
                problems.add("field 'health' has no check for container '" + container + "'");
            }
        }
        for (ServiceDefinition.HealthCheck check : d.health()) {
            if (check.test().isEmpty() || !check.test().get(0).startsWith("CMD")) {
                problems.add("field 'health' for '" + check.container() + "' needs a test starting with CMD or CMD-SHELL");
            }
        }
        for (ServiceDefinition.Port port : d.ports()) {
            if (!Set.of("tcp", "udp").contains(port.protocol()) || port.port() < 1 || port.port() > 65535) {
                problems.add("field 'ports' has an invalid entry " + port.port() + "/" + port.protocol());
            }
        }
        for (ServiceDefinition.SecretSpec secret : d.secrets()) {
            if (secret.env() == null || !secret.env().matches("[A-Z][A-Z0-9_]*")) {
                problems.add("field 'secrets.env' must be an UPPER_CASE variable name, got '" + secret.env() + "'");
            }
            if (!SECRET_KINDS.contains(secret.kind())) {
                problems.add("field 'secrets.kind' of " + secret.env() + " must be one of "
                        + SECRET_KINDS.stream().sorted().toList() + ", got '" + secret.kind() + "'");
            }
        }
        for (ServiceDefinition.PostDeployStep step : d.postDeploy()) {
            if (step.description() == null || step.container() == null || step.script() == null) {
                problems.add("field 'postDeploy' entries need description, container and script");
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(source, problems.get(0) + (problems.size() > 1
                    ? " (and " + (problems.size() - 1) + " more: " + String.join("; ", problems.subList(1, problems.size()))
                    + ")" : ""), null);
        }
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static OpenHavenException invalid(String source, String problem, Throwable cause) {
        return OpenHavenException.of(org.openhaven.engine.error.ErrorCategory.CONFIG,
                        "The service definition " + source + " " + problem + ".")
                .remedy("Fix that field in the file; docs/catalog.md lists every field of service.yaml.")
                .cause(cause)
                .build();
    }
}
