package org.openhaven.engine.haven;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openhaven.engine.cloud.CloudResource;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.state.HavenState;
import org.openhaven.engine.state.ResourceRecord;
import org.openhaven.engine.state.StateFile;

/**
 * The first part of a disaster recovery: makes the haven's state forget its server, so the normal flow builds a
 * new one. Every server and IP the provider lists under the haven's label (the one recorded here, or, when this
 * computer is new, the ones a lost computer made, with its SSH key) is kept in state as replaced, never deleted: a
 * server that still
 * runs may hold data newer than the last backup, so it is the user's to look at and delete. One atomic state
 * change, with a marker a re-run finds, so a recovery killed at any point continues instead of replacing the new
 * server too.
 */
final class ServerReplacement {

    static final String REPLACED_AT = "replaced at";
    private static final String NAME_SUFFIX = " (replaced)";
    private static final Pattern GENERATION = Pattern.compile("-(?:server|key)(?:-(\\d+))?(?: \\(replaced\\))?$");
    /** Servers before their IPs, keys first, then by id: the same order on every run. */
    private static final Comparator<RecoveryStart.Replaced> ORDER = Comparator
            .comparing(RecoveryStart.Replaced::kind).thenComparing(RecoveryStart.Replaced::providerId);

    private ServerReplacement() {
    }

    /** Replaces the server in {@code state}, or finds the unfinished recovery that already did. */
    static RecoveryStart begin(FlowContext flow, StateFile state, Instant now) {
        HavenState current = state.read();
        Optional<ResourceRecord> marker = current.resource(ResourceKeys.RECOVERY);
        if (marker.isPresent()) {
            String startedAt = marker.get().attributes().get(REPLACED_AT);
            return new RecoveryStart(true, replacedIn(current).stream()
                    .filter(r -> startedAt.equals(r.attributes().get(REPLACED_AT))).map(ServerReplacement::describe)
                    .sorted(ORDER).toList());
        }
        // A new computer's vault has no SSH key yet: the one at the provider opens nothing the flow can use, so it
        // is set aside too and the new key uploaded under the next name.
        Set<ResourceKind> kinds = flow.secrets().find(ResourceKeys.VAULT_SSH_PUBLIC).isPresent()
                ? Set.of(ResourceKind.SERVER, ResourceKind.IP)
                : Set.of(ResourceKind.SERVER, ResourceKind.IP, ResourceKind.SSH_KEY);
        List<CloudResource> old = flow.spec().server().isExistingServer() ? List.of() : oldHost(flow, current, kinds);
        state.update(s -> replace(s, old, now));
        for (CloudResource resource : old) {
            Optional.ofNullable(resource.attribute("ipv4"))
                    .ifPresent(ip -> flow.components().deployer().forgetHostKey(ip, 22));
        }
        return new RecoveryStart(false, old.stream().map(r -> new RecoveryStart.Replaced(r.kind(), r.name(),
                r.providerId(), Optional.ofNullable(r.attribute("ipv4")))).sorted(ORDER).toList());
    }

    /** Ends the recovery: the data is back, so a later run is a new recovery. */
    static void finish(StateFile state) {
        state.update(s -> s.resource(ResourceKeys.RECOVERY).isPresent() ? s.withoutResource(ResourceKeys.RECOVERY)
                : s);
    }

    /** The generation of the next server (or SSH key): one past the highest of that kind replaced so far. */
    static int nextGeneration(HavenState state, ResourceKind kind) {
        int highest = 0;
        for (ResourceRecord r : replacedIn(state)) {
            Matcher m = GENERATION.matcher(r.name());
            if (r.kind() == kind && m.find()) {
                highest = Math.max(highest, m.group(1) == null ? 1 : Integer.parseInt(m.group(1)));
            }
        }
        return highest + 1;
    }

    /** The state without the recovery's records, for planning: they are neither wanted nor to be deleted. */
    static HavenState withoutBookkeeping(HavenState state) {
        Map<String, ResourceRecord> resources = state.resources().entrySet().stream()
                .filter(e -> !ResourceKeys.isRecoveryBookkeeping(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new HavenState(state.formatVersion(), state.haven(), state.revision(), resources, state.journal());
    }

    /** The servers and IPs at the provider under the haven's label that a recovery has not set aside yet. */
    private static List<CloudResource> oldHost(FlowContext flow, HavenState current, Set<ResourceKind> kinds) {
        Set<String> known = replacedIn(current).stream().map(r -> r.kind() + ":" + r.providerId())
                .collect(Collectors.toSet());
        return flow.cloud().get().listOwned(flow.label()).stream()
                .filter(r -> kinds.contains(r.kind()) && !known.contains(r.kind() + ":" + r.providerId()))
                .toList();
    }

    /**
     * Forgets the server, its IP and the release on it, and the journal (so bootstrap and deploy run on the new
     * server), keeping what was there as replaced records and the marker, all in one state revision.
     */
    private static HavenState replace(HavenState state, List<CloudResource> old, Instant now) {
        HavenState next = state.withoutResource(ResourceKeys.SERVER).withoutResource(ResourceKeys.IP)
                .withoutResource(ResourceKeys.STACK);
        if (old.stream().anyMatch(r -> r.kind() == ResourceKind.SSH_KEY)) {
            next = next.withoutResource(ResourceKeys.SSH_KEY);
        }
        for (CloudResource resource : old) {
            Map<String, String> attributes = new LinkedHashMap<>(resource.attributes());
            attributes.put(REPLACED_AT, now.toString());
            next = next.withResource(new ResourceRecord(ResourceKeys.replaced(resource.kind(), resource.providerId()),
                    resource.kind(), resource.providerId(), resource.name() + NAME_SUFFIX, Map.of(), attributes));
        }
        next = next.withResource(new ResourceRecord(ResourceKeys.RECOVERY, ResourceKind.RELEASE, now.toString(),
                "recovery in progress", Map.of(), Map.of(REPLACED_AT, now.toString())));
        return next.withEmptyJournal();
    }

    private static List<ResourceRecord> replacedIn(HavenState state) {
        List<ResourceRecord> replaced = new ArrayList<>();
        state.resources().forEach((key, record) -> {
            if (key.startsWith(ResourceKeys.REPLACED_PREFIX)) {
                replaced.add(record);
            }
        });
        return replaced;
    }

    private static RecoveryStart.Replaced describe(ResourceRecord record) {
        String name = record.name().endsWith(NAME_SUFFIX)
                ? record.name().substring(0, record.name().length() - NAME_SUFFIX.length()) : record.name();
        return new RecoveryStart.Replaced(record.kind(), name, record.providerId(),
                Optional.ofNullable(record.attributes().get("ipv4")));
    }
}
