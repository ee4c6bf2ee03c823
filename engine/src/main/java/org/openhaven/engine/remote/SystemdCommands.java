package org.openhaven.engine.remote;

/** Builders for systemd units. */
public final class SystemdCommands {

    private SystemdCommands() {
    }

    public static RemoteCommand enableNow(String unit) {
        return RemoteCommand.of("enable " + unit, "systemctl", "enable", "--now", unit);
    }

    public static RemoteCommand restart(String unit) {
        return RemoteCommand.of("restart " + unit, "systemctl", "restart", unit);
    }

    public static RemoteCommand reload(String unit) {
        return RemoteCommand.of("reload " + unit, "systemctl", "reload-or-restart", unit);
    }
}
