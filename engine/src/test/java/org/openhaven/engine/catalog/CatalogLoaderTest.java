package org.openhaven.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;

class CatalogLoaderTest {

    private static final String VALID = """
            id: notes
            name: Notes
            description: A notes app from a third-party catalog.
            category: productivity
            selectable: true
            images:
              notes: example/notes:2.4.1
            dependencies: [keycloak]
            subdomain: notes
            web: {container: notes, port: 8080}
            sso: forward-auth
            memoryMb: 64
            health:
              - container: notes
                test: ["CMD", "true"]
                startPeriodSeconds: 5
            backup:
              volumes: [notes-data]
            """;
    private static final String COMPOSE = """
            services:
              notes:
                environment:
                  NOTES_URL: "{{url.notes}}"
            """;

    @TempDir
    Path plugins;

    @Test
    void builtInCatalogHoldsEveryServiceAndMarksInternalOnes() {
        Catalog catalog = Catalog.builtIn();

        assertThat(catalog.selectableIds()).containsExactly(
                "gitea", "nextcloud", "ollama", "onlyoffice", "open-webui", "portal", "vaultwarden", "wireguard");
        assertThat(catalog.allIds()).contains("traefik", "keycloak", "keycloak-db", "oauth2-proxy", "gitea-db",
                "nextcloud-db", "nextcloud-redis");
    }

    @Test
    void resolveAddsDependenciesBeforeDependentsAndTheAlwaysOnServices() {
        Catalog catalog = Catalog.builtIn();

        assertThat(catalog.resolve(List.of("nextcloud"))).containsExactly(
                "keycloak-db", "keycloak", "nextcloud-db", "nextcloud-redis", "nextcloud", "traefik");
        assertThat(catalog.resolve(List.of("onlyoffice", "portal")))
                .isEqualTo(catalog.resolve(List.of("portal", "onlyoffice")))
                .containsSubsequence("nextcloud", "onlyoffice")
                .containsSubsequence("keycloak", "oauth2-proxy", "portal");
    }

    @Test
    void extraDirectoryAddsAThirdPartyServiceOfTheSameShape() throws IOException {
        writeService("notes", VALID, COMPOSE);

        Catalog catalog = new CatalogLoader().load(List.of(plugins));

        assertThat(catalog.selectableIds()).contains("notes");
        assertThat(catalog.entry("notes").composeTemplate()).contains("{{url.notes}}");
        assertThat(catalog.resolve(List.of("notes"))).containsSubsequence("keycloak", "notes");
    }

    @Test
    void unknownFieldIsRefusedNamingTheFileAndTheField() throws IOException {
        writeService("notes", VALID.replace("memoryMb: 64", "memoryMb: 64\nmemmory: 12"), COMPOSE);

        assertThatThrownBy(() -> new CatalogLoader().load(List.of(plugins)))
                .isInstanceOf(OpenHavenException.class)
                .hasMessageContaining("notes/service.yaml")
                .hasMessageContaining("unknown field 'memmory'")
                .satisfies(e -> assertThat(((OpenHavenException) e).category()).isEqualTo(ErrorCategory.CONFIG));
    }

    @Test
    void unknownNestedFieldIsNamedWithItsPath() throws IOException {
        writeService("notes", VALID.replace("startPeriodSeconds: 5", "startPeriodSeconds: 5\n    intervall: 3"), COMPOSE);

        assertThatThrownBy(() -> new CatalogLoader().load(List.of(plugins)))
                .hasMessageContaining("unknown field 'health[0].intervall'");
    }

    @Test
    void missingRequiredFieldIsNamed() throws IOException {
        writeService("notes", VALID.replace("memoryMb: 64\n", ""), COMPOSE);

        assertThatThrownBy(() -> new CatalogLoader().load(List.of(plugins)))
                .hasMessageContaining("notes/service.yaml misses the required field 'memoryMb'");
    }

    @Test
    void imageWithoutAnExactVersionIsRefused() throws IOException {
        writeService("notes", VALID.replace("example/notes:2.4.1", "example/notes:latest"), COMPOSE);

        assertThatThrownBy(() -> new CatalogLoader().load(List.of(plugins)))
                .hasMessageContaining("field 'images.notes' must pin an exact version tag")
                .hasMessageContaining("example/notes:latest");
    }

    @Test
    void thirdPartyServiceCanAskForAdminsOnly() throws IOException {
        writeService("notes", VALID.replace("sso: forward-auth", "sso: forward-auth-admins"), COMPOSE);

        Catalog catalog = new CatalogLoader().load(List.of(plugins));

        assertThat(catalog.definition("notes").sso()).isEqualTo(SsoKind.FORWARD_AUTH_ADMINS);
        assertThat(catalog.definition("notes").sso().forwardAuth()).isTrue();
    }

    @Test
    void adminsOnlySignInWithoutAWebUiIsRefusedInTheManifestsOwnWords() throws IOException {
        writeService("notes", VALID.replace("sso: forward-auth", "sso: forward-auth-admins")
                .replace("web: {container: notes, port: 8080}\n", ""), COMPOSE);

        assertThatThrownBy(() -> new CatalogLoader().load(List.of(plugins)))
                .hasMessageContaining("field 'sso' is forward-auth-admins but the service has no 'web' UI to sign in to");
    }

    @Test
    void containerWithoutHealthCheckIsRefused() throws IOException {
        writeService("notes", VALID.replace("  notes: example/notes:2.4.1",
                "  notes: example/notes:2.4.1\n  notes-worker: example/notes:2.4.1"), COMPOSE);

        assertThatThrownBy(() -> new CatalogLoader().load(List.of(plugins)))
                .hasMessageContaining("field 'health' has no check for container 'notes-worker'");
    }

    @Test
    void idThatDiffersFromItsFolderIsRefused() throws IOException {
        writeService("notes-app", VALID, COMPOSE);

        assertThatThrownBy(() -> new CatalogLoader().load(List.of(plugins)))
                .hasMessageContaining("field 'id' is 'notes' but the folder is 'notes-app'");
    }

    @Test
    void missingComposeFragmentIsNamed() throws IOException {
        writeService("notes", VALID, null);

        assertThatThrownBy(() -> new CatalogLoader().load(List.of(plugins)))
                .hasMessageContaining("has no compose.yaml");
    }

    @Test
    void hostServiceNeedsNeitherImagesNorAComposeFragment() throws IOException {
        writeService("sync", """
                id: sync
                name: Sync
                description: A host timer.
                category: system
                kind: host
                files:
                  - {source: sync.sh, target: /opt/openhaven/sync, mode: "0700"}
                host-packages: [rsync]
                """, null);

        ServiceDefinition sync = new CatalogLoader().load(List.of(plugins)).definition("sync");

        assertThat(sync.runsOnHost()).isTrue();
        assertThat(sync.hostPackages()).containsExactly("rsync");
        assertThat(sync.memoryMb()).isZero();
    }

    @Test
    void dependencyCycleIsReportedWithItsPath() throws IOException {
        writeService("alpha", service("alpha", "beta"), "services:\n  alpha: {}\n");
        writeService("beta", service("beta", "alpha"), "services:\n  beta: {}\n");

        assertThatThrownBy(() -> new CatalogLoader().load(List.of(plugins)))
                .hasMessageContaining("dependency cycle: alpha → beta → alpha");
    }

    @Test
    void dependencyOnAnUnknownServiceIsNamed() throws IOException {
        writeService("alpha", service("alpha", "postgress"), "services:\n  alpha: {}\n");

        assertThatThrownBy(() -> new CatalogLoader().load(List.of(plugins)))
                .hasMessageContaining("depends on 'postgress', which no catalog defines");
    }

    @Test
    void aThirdPartyServiceCannotReplaceABuiltInOne() throws IOException {
        writeService("gitea", VALID.replace("id: notes", "id: gitea"), COMPOSE);

        assertThatThrownBy(() -> new CatalogLoader().load(List.of(plugins)))
                .hasMessageContaining("Two catalog folders define the service 'gitea'");
    }

    @Test
    void anOverrideDirectoryReplacesTheBuiltInServiceOfTheSameIdAndKeepsTheOthers() throws IOException {
        writeService("gitea", service("gitea", "keycloak").replace("example/notes:2.4.1", "mirror.local/gitea:1.24.6"),
                COMPOSE.replace("notes:", "gitea:"));

        Catalog catalog = new CatalogLoader().loadWithOverrides(plugins);

        assertThat(catalog.definition("gitea").images()).containsEntry("gitea", "mirror.local/gitea:1.24.6");
        assertThat(catalog.entry("gitea").source()).startsWith(plugins.toString());
        assertThat(catalog.allIds()).isEqualTo(Catalog.builtIn().allIds());
    }

    @Test
    void aMissingOverrideDirectoryIsNamed() {
        assertThatThrownBy(() -> new CatalogLoader().loadWithOverrides(plugins.resolve("nope")))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
                    assertThat(e.userMessage()).contains("nope").contains("does not exist");
                });
    }

    @Test
    void unknownServiceSuggestsTheClosestId() {
        assertThatThrownBy(() -> Catalog.builtIn().entry("nextclod"))
                .hasMessageContaining("did you mean 'nextcloud'?");
    }

    private static String service(String id, String dependency) {
        return VALID.replace("id: notes", "id: " + id)
                .replace("  notes: example/notes:2.4.1", "  " + id + ": example/notes:2.4.1")
                .replace("container: notes", "container: " + id)
                .replace("dependencies: [keycloak]", "dependencies: [" + dependency + "]")
                .replace("subdomain: notes\n", "subdomain: " + id + "\n");
    }

    private void writeService(String folder, String definition, String compose) throws IOException {
        Path dir = Files.createDirectories(plugins.resolve(folder));
        Files.writeString(dir.resolve("service.yaml"), definition);
        if (compose != null) {
            Files.writeString(dir.resolve("compose.yaml"), compose);
        }
    }
}
