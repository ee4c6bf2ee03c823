package org.openhaven.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Expected hashes were computed outside Java: sha256 over "path NUL length NUL bytes" per file, in path order. */
class ConfigHashLabelsTest {

    private static final String COMPOSE = """
            services:
              web:
                image: web:1
                volumes:
                  - ./www:/www:ro
              app:
                image: app:1
                labels: ["keep=me"]
                volumes:
                  - type: bind
                    source: ./conf/app.yml
                    target: /etc/app.yml
              db:
                image: db:1
                volumes:
                  - data:/var/lib/db
            """;

    private static final String RELEASE_A_WWW = "2066e5560d600d72cf000dae2a07f8ccfe2e2be6a24d594eb168a238fd73bf6c";
    private static final String RELEASE_B_WWW = "e33c03039bd18e9c200024c7f8e1fdcfe33f38d7a017b1c9c67fafdbd69ad3f1";
    private static final String APP_YML = "7946eee15d1956209ef2160e7e4d17f29f98c9e4b0caaae491f67e7317143e3c";

    @Test
    void labelsEachServiceWithAHashOfExactlyTheBundleFilesItMounts() {
        String labelled = ConfigHashLabels.apply(COMPOSE, files("release A"));

        assertThat(labelled).isEqualTo("""
                services:
                  app:
                    image: app:1
                    labels:
                      - keep=me
                      - org.openhaven.config-hash=%2$s
                    volumes:
                      - source: ./conf/app.yml
                        target: /etc/app.yml
                        type: bind
                  db:
                    image: db:1
                    volumes:
                      - data:/var/lib/db
                  web:
                    image: web:1
                    labels:
                      org.openhaven.config-hash: %1$s
                    volumes:
                      - ./www:/www:ro
                """.formatted(RELEASE_A_WWW, APP_YML));
    }

    @Test
    void changingOneMountedFileChangesOnlyThatServicesLabel() {
        String a = ConfigHashLabels.apply(COMPOSE, files("release A"));
        String b = ConfigHashLabels.apply(COMPOSE, files("release B"));

        assertThat(b).isEqualTo(a.replace(RELEASE_A_WWW, RELEASE_B_WWW));
        assertThat(b).isNotEqualTo(a);
    }

    @Test
    void aDirectoryMountCoversFilesAddedBelowItButNotSiblingsSharingItsPrefix() {
        SortedMap<String, byte[]> files = files("release A");
        files.put("www/sub/new.html", bytes("new"));
        assertThat(ConfigHashLabels.hash(java.util.List.of("www"), files)).isNotEqualTo(RELEASE_A_WWW);

        SortedMap<String, byte[]> sibling = files("release A");
        sibling.put("www.bak/index.html", bytes("old"));
        sibling.put("www2", bytes("other"));
        assertThat(ConfigHashLabels.hash(java.util.List.of("www"), sibling)).isEqualTo(RELEASE_A_WWW);
    }

    @Test
    void applyingTwiceGivesTheSameTextAndOneLabel() {
        String once = ConfigHashLabels.apply(COMPOSE, files("release A"));
        assertThat(ConfigHashLabels.apply(once, files("release A"))).isEqualTo(once);
    }

    @Test
    void servicesWithoutBundleMountsGetNoLabel() {
        assertThat(ConfigHashLabels.bundleSources(Map.of("volumes", java.util.List.of("data:/x", "/srv:/srv"))))
                .isEmpty();
    }

    private static SortedMap<String, byte[]> files(String page) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put("www/index.html", bytes(page));
        files.put("conf/app.yml", bytes("port: 1"));
        files.put("conf/other.yml", bytes("not mounted"));
        files.put("compose.yaml", bytes("ignored"));
        return files;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
