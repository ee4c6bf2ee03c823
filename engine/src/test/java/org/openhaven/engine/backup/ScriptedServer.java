package org.openhaven.engine.backup;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhaven.engine.remote.ExecResult;
import org.openhaven.engine.remote.OutputConsumer;
import org.openhaven.engine.remote.RemoteCommand;
import org.openhaven.engine.remote.RemoteExecutor;

/**
 * A server for orchestration tests: records every command and answers from a script of results keyed by the
 * start of the command line; anything unscripted succeeds with no output.
 */
public final class ScriptedServer implements RemoteExecutor, RecoveryTarget {

    public final List<String> commands = new ArrayList<>();
    public final List<ServerFile> uploads = new ArrayList<>();
    private final Map<String, ExecResult> answers = new LinkedHashMap<>();

    public ScriptedServer answer(String commandPrefix, ExecResult result) {
        answers.put(commandPrefix, result);
        return this;
    }

    public ScriptedServer answer(String commandPrefix, String stdout) {
        return answer(commandPrefix, new ExecResult(0, stdout, ""));
    }

    @Override
    public ExecResult run(RemoteCommand command, InputStream stdin, OutputConsumer output) {
        String line = command.shellLine();
        commands.add(line);
        return answers.entrySet().stream().filter(e -> line.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(new ExecResult(0, "", ""));
    }

    @Override
    public void upload(ServerFile file) {
        uploads.add(file);
    }

    @Override
    public RemoteExecutor commands() {
        return this;
    }
}
