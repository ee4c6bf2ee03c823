package org.openhaven.engine.cli;

import java.util.Optional;
import org.openhaven.engine.state.HavenLock;
import picocli.CommandLine.Command;

@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = "Remove a haven's lock left behind by a run that crashed or was killed.")
final class UnlockCommand extends HavenCommand {

    @Override
    public Integer call() {
        String haven = havenOptions.name(context());
        Optional<HavenLock.Holder> removed = engine().unlock(haven);
        if (removed.isEmpty()) {
            out().println("Haven '" + haven + "' is not locked; nothing to remove.");
        } else {
            out().println("Removed the lock of haven '" + haven + "' held by " + removed.get().describe() + ".");
            out().println("If that process is still running, stop it before the next apply.");
        }
        out().flush();
        return OpenHavenCli.OK;
    }
}
