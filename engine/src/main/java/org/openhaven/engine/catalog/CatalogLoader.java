package org.openhaven.engine.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

/**
 * Reads catalog folders ({@code <id>/service.yaml}, {@code <id>/compose.yaml}, optional extra files) from the
 * engine's classpath ({@code templates/services/}) and from extra directories, the shape third-party catalogs
 * (the future plugins) use too.
 */
public final class CatalogLoader {

    static final String CLASSPATH_ROOT = "templates/services";
    private static final String DEFINITION = "service.yaml";
    private static final String COMPOSE = "compose.yaml";

    private final ServiceDefinitionParser parser = new ServiceDefinitionParser();

    /** The built-in catalog only. */
    public Catalog loadBuiltIn() {
        return load(List.of());
    }

    /** The built-in catalog plus every service folder under each extra directory. */
    public Catalog load(List<Path> extraDirectories) {
        List<CatalogEntry> entries = new ArrayList<>(readClasspath());
        for (Path directory : extraDirectories) {
            if (!Files.isDirectory(directory)) {
                throw OpenHavenException.config("The catalog directory " + directory + " does not exist.",
                        "Give a directory that holds one folder per service.");
            }
            entries.addAll(readDirectory(directory, directory.toString()));
        }
        return new Catalog(entries);
    }

    /**
     * The built-in catalog with every service folder under {@code overrides} taking the place of the built-in
     * service of the same id (or joining the catalog under a new id): how an air-gapped site points a service at
     * its own registry mirror, and how the end-to-end test runs stand-in images.
     */
    public Catalog loadWithOverrides(Path overrides) {
        if (!Files.isDirectory(overrides)) {
            throw OpenHavenException.config("The catalog override directory " + overrides + " does not exist.",
                    "Give a directory that holds one folder per service, or unset OPENHAVEN_CATALOG_OVERRIDES.");
        }
        Map<String, CatalogEntry> byId = new TreeMap<>();
        readClasspath().forEach(e -> byId.put(e.id(), e));
        readDirectory(overrides, overrides.toString()).forEach(e -> byId.put(e.id(), e));
        return new Catalog(byId.values());
    }

    private List<CatalogEntry> readClasspath() {
        URL url = CatalogLoader.class.getClassLoader().getResource(CLASSPATH_ROOT);
        if (url == null) {
            throw OpenHavenException.internal("The built-in service catalog is missing from the engine.", null);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = openJar(uri)) {
                    return readDirectory(jar.getPath(CLASSPATH_ROOT), "classpath:" + CLASSPATH_ROOT);
                }
            }
            return readDirectory(Path.of(uri), "classpath:" + CLASSPATH_ROOT);
        } catch (URISyntaxException | IOException e) {
            throw OpenHavenException.internal("The built-in service catalog could not be read.", e);
        }
    }

    private static FileSystem openJar(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // Another caller holds it open; read through a fresh one on the same jar file.
            String jarPath = uri.getSchemeSpecificPart().substring(0, uri.getSchemeSpecificPart().indexOf("!/"));
            return FileSystems.newFileSystem(Path.of(URI.create(jarPath)), (ClassLoader) null);
        }
    }

    private List<CatalogEntry> readDirectory(Path root, String label) {
        List<CatalogEntry> entries = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                entries.add(readFolder(folder, label + "/" + folder.getFileName()));
            }
        } catch (IOException e) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "The catalog directory " + label + " could not be read.")
                    .remedy("Check that it exists and is readable.").cause(e).build();
        }
        return entries;
    }

    private CatalogEntry readFolder(Path folder, String label) throws IOException {
        String name = folder.getFileName().toString().replace("/", "");
        Path definitionFile = folder.resolve(DEFINITION);
        Path composeFile = folder.resolve(COMPOSE);
        if (!Files.isRegularFile(definitionFile)) {
            throw missing(label, DEFINITION);
        }
        ServiceDefinition definition = parser.parse(read(definitionFile), label + "/" + DEFINITION, name);
        boolean hasCompose = Files.isRegularFile(composeFile);
        if (!hasCompose && !definition.runsOnHost()) {
            throw missing(label, COMPOSE);
        }
        TreeMap<String, String> extras = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                if (!relative.equals(DEFINITION) && !relative.equals(COMPOSE)) {
                    extras.put(relative, read(file));
                }
            }
        }
        return new CatalogEntry(definition, hasCompose ? read(composeFile) : "", extras, label);
    }

    private static OpenHavenException missing(String label, String file) {
        return OpenHavenException.config("The catalog folder " + label + " has no " + file + ".",
                "Every service folder needs service.yaml, and compose.yaml unless it is of kind host "
                        + "(see docs/catalog.md).");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
