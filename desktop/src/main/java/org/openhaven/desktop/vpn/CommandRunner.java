package org.openhaven.desktop.vpn;

import java.util.List;

/** Runs a local command given as data; the VPN toggle's only way to touch the OS, so tests can fake it. */
public interface CommandRunner {

    /** The exit code and output of a finished command. */
    record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    Result run(List<String> argv);

    /** Whether {@code command} is on the PATH (or is an existing file). */
    boolean exists(String command);
}
