package org.openhaven.engine.cli;

import org.openhaven.engine.Version;
import picocli.CommandLine;

/** Prints the version baked into the jar at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"OpenHaven " + Version.current()};
    }
}
