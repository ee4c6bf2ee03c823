package org.openhaven.engine.catalog;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A service definition with its templates, as read from one catalog folder.
 *
 * @param composeTemplate the text of the folder's compose.yaml (a fragment with {{placeholders}})
 * @param extraFiles      every other file of the folder, by path relative to the folder, as template text
 * @param source          where the folder came from, for messages
 */
public record CatalogEntry(
        ServiceDefinition definition, String composeTemplate, SortedMap<String, String> extraFiles, String source) {

    public CatalogEntry {
        extraFiles = Collections.unmodifiableSortedMap(new TreeMap<>(extraFiles));
    }

    public String id() {
        return definition.id();
    }
}
