package org.openhaven.engine.cli;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.MailSpec;
import org.openhaven.engine.spec.Owner;
import org.openhaven.engine.spec.ProviderDefaults;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.spec.ServiceSelection;
import org.openhaven.engine.spec.SpecProblem;
import org.openhaven.engine.spec.SpecValidator;
import org.openhaven.engine.spec.TlsMode;
import org.openhaven.engine.spec.VpnSpec;

/** What {@code openhaven init} has been told so far, the defaults for the rest, and the spec they make. */
final class InitAnswers {

    static final String DEFAULT_SERVICES = "vaultwarden,nextcloud,gitea";

    /** One answer, tied to the spec path its problems are reported at and to the flag that sets it. */
    enum Answer {
        DOMAIN("domain", "--domain"),
        NAME("name", "--name"),
        // The email comes first: the name's default is made from it.
        OWNER_EMAIL("owner.email", "--owner-email"),
        OWNER_NAME("owner.name", "--owner-name"),
        PROVIDER("server.provider", "--provider"),
        REGION("server.region", "--region"),
        SIZE("server.size", "--size"),
        HOST("server.host", "--host"),
        SSH_USER("server.user", "--ssh-user"),
        SSH_PORT("server.port", "--ssh-port"),
        DNS("dns.provider", "--dns"),
        SERVICES("services", "--services");

        final String path;
        final String flag;

        Answer(String path, String flag) {
            this.path = path;
            this.flag = flag;
        }

        /** The answer a spec problem is about, or null when no answer of init's sets that path. */
        static Answer forPath(String problemPath) {
            return Arrays.stream(values())
                    .filter(answer -> problemPath.equals(answer.path) || problemPath.startsWith(answer.path + "["))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final Map<Answer, String> values = new EnumMap<>(Answer.class);

    /** Records an answer; blank means "not answered". */
    void put(Answer answer, String value) {
        if (value != null && !value.isBlank()) {
            values.put(answer, value.trim());
        }
    }

    boolean has(Answer answer) {
        return values.containsKey(answer);
    }

    /** The answer given, else its default (which may depend on earlier answers), else null. */
    String current(Answer answer) {
        return values.getOrDefault(answer, defaultFor(answer));
    }

    boolean existingServer() {
        return "ssh".equals(values.get(Answer.PROVIDER));
    }

    /** The flags of required answers still missing, in question order. */
    List<String> missingFlags(List<Answer> required) {
        return required.stream().filter(answer -> !has(answer)).map(answer -> answer.flag).toList();
    }

    /** Fills every answer not given with its default, in question order so later defaults see earlier answers. */
    void fillDefaults() {
        for (Answer answer : Answer.values()) {
            if (!has(answer)) {
                put(answer, defaultFor(answer));
            }
        }
    }

    private String defaultFor(Answer answer) {
        String provider = values.getOrDefault(Answer.PROVIDER, "hetzner");
        return switch (answer) {
            case NAME -> has(Answer.DOMAIN)
                    ? SpecValidator.slugOf(values.get(Answer.DOMAIN).split("\\.")[0], SpecValidator.NAME_MAX) : null;
            case OWNER_NAME -> has(Answer.OWNER_EMAIL) ? capitalised(values.get(Answer.OWNER_EMAIL).split("@")[0]) : null;
            case PROVIDER -> "hetzner";
            case REGION -> ProviderDefaults.region(provider);
            case SIZE -> ProviderDefaults.size(provider);
            case DNS -> "manual";
            case SERVICES -> DEFAULT_SERVICES;
            case SSH_USER -> existingServer() ? "root" : null;
            case SSH_PORT -> existingServer() ? "22" : null;
            case DOMAIN, OWNER_EMAIL, HOST -> null;
        };
    }

    /** The spec these answers make, not yet validated; an existing server is reached as root on port 22 by default. */
    HavenSpec draft() {
        ServerSpec server = existingServer()
                ? new ServerSpec("ssh", null, null, values.get(Answer.HOST), port(),
                        values.getOrDefault(Answer.SSH_USER, "root"), null)
                : new ServerSpec(values.get(Answer.PROVIDER), values.get(Answer.REGION), values.get(Answer.SIZE),
                        values.get(Answer.HOST), null, null, null);
        List<ServiceSelection> selections = Arrays.stream(values.getOrDefault(Answer.SERVICES, "").split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .map(ServiceSelection::of)
                .toList();
        return new HavenSpec(values.get(Answer.NAME), values.get(Answer.DOMAIN),
                new Owner(values.get(Answer.OWNER_NAME), values.get(Answer.OWNER_EMAIL)), server,
                new DnsSpec(values.get(Answer.DNS), null), TlsMode.HTTP_01, selections, null, VpnSpec.NONE,
                MailSpec.OFF);
    }

    /** The SSH port answered; one that is not a number becomes 0, which validation reports as out of range. */
    private int port() {
        try {
            return Integer.parseInt(values.getOrDefault(Answer.SSH_PORT, "22"));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /** {@code path (--flag): message}, so a problem points at the flag that fixes it. */
    static String withFlag(SpecProblem problem) {
        Answer answer = Answer.forPath(problem.path());
        return answer == null ? problem.describe() : problem.path() + " (" + answer.flag + "): " + problem.message();
    }

    private static String capitalised(String text) {
        return Arrays.stream(text.split("[._+-]+"))
                .filter(part -> !part.isEmpty())
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining(" "));
    }
}
