package org.openhaven.engine.haven;

import java.util.List;
import java.util.stream.Collectors;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.host.PreflightReport;
import org.openhaven.engine.secrets.SecretStore;

/**
 * The live check of a server the user already has, shared by the wizard's "Check connection", {@code openhaven
 * ssh-key --check}, {@code plan} and the apply's "Check your server" step: log in with the haven's key, run the
 * preflight, and fail with every problem and its remedy, or with the exact line to add when the key is refused.
 */
final class ExistingServerCheck {

    private ExistingServerCheck() {
    }

    /**
     * @param havenId the haven the server is for, or null before it is named (a foreign owner mark is then not
     *                judged)
     */
    static ServerInspection require(HostDeployer deployer, HostTarget target, SecretStore secrets, String havenId) {
        ServerInspection found = withKeyLine(secrets, target, () -> deployer.inspectServer(target));
        List<PreflightReport.Problem> problems = found.report().problems(havenId);
        if (!problems.isEmpty()) {
            throw OpenHavenException.of(ErrorCategory.CONFIG, "The server " + found.login()
                            + " is not ready for a haven: " + problems.stream().map(PreflightReport.Problem::message)
                            .collect(Collectors.joining(" ")))
                    .remedy(problems.stream().map(PreflightReport.Problem::remedy).collect(Collectors.joining(" ")))
                    .build();
        }
        return found;
    }

    /**
     * Runs {@code login}; a refused key becomes an AUTH error that names the line to add and the command adding it,
     * since "add our key" is the one thing the user must do on a server they already have.
     */
    static <T> T withKeyLine(SecretStore secrets, HostTarget target, java.util.function.Supplier<T> login) {
        try {
            return login.get();
        } catch (OpenHavenException e) {
            if (e.category() != ErrorCategory.AUTH) {
                throw e;
            }
            String line = HavenSshKey.publicLine(secrets);
            throw OpenHavenException.of(ErrorCategory.AUTH, "The server " + target.user() + "@" + target.host() + ":"
                            + target.port() + " refused the haven's SSH key.")
                    .remedy("Add the haven's key to ~" + target.user() + "/.ssh/authorized_keys on the server: "
                            + "logged in there as " + target.user() + ", run: " + HavenSshKey.addCommand(line)
                            + " — then check again.")
                    .cause(e)
                    .build();
        }
    }
}
