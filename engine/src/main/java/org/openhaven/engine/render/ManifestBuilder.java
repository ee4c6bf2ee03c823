package org.openhaven.engine.render;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openhaven.engine.catalog.ServiceDefinition;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.TlsMode;

/** Collects the manifest from the resolved services: ports, DNS records, backups, health, commands. */
final class ManifestBuilder {

    private ManifestBuilder() {
    }

    static Manifest build(HavenSpec spec, List<ServiceDefinition> services, Hosts hosts,
                          List<Manifest.Command> postDeploy, Collection<String> files, Collection<String> clientFiles,
                          List<String> warnings, Manifest.DnsRecordNeeded dkim) {
        List<Manifest.Service> entries = new ArrayList<>();
        TreeSet<String> images = new TreeSet<>();
        List<Manifest.Port> ports = new ArrayList<>();
        List<Manifest.BackupVolume> volumes = new ArrayList<>();
        List<Manifest.Dump> dumps = new ArrayList<>();
        List<Manifest.Health> health = new ArrayList<>();
        int memory = 0;
        for (ServiceDefinition s : services) {
            entries.add(new Manifest.Service(s.id(), s.name(), s.description(), s.category(), s.selectable(),
                    s.hasWebUi() ? hosts.url(s.id()) : null, s.sso().name().toLowerCase(java.util.Locale.ROOT),
                    new TreeMap<>(s.images()), s.memoryMb()));
            images.addAll(s.images().values());
            s.ports().forEach(p -> ports.add(new Manifest.Port(p.port(), p.protocol(), s.id(), p.purpose())));
            s.backup().volumes().forEach(v -> volumes.add(new Manifest.BackupVolume(s.id(), v)));
            s.backup().dumps().forEach(d -> dumps.add(new Manifest.Dump(s.id(), d.container(), d.command(), d.file())));
            s.health().forEach(h -> health.add(new Manifest.Health(s.id(), h.container(), h.test())));
            memory += s.memoryMb();
        }
        ports.sort(java.util.Comparator.comparingInt(Manifest.Port::port).thenComparing(Manifest.Port::protocol));
        List<String> allFiles = new ArrayList<>(new TreeSet<>(files));
        allFiles.add(StackRenderer.MANIFEST_FILE);
        return new Manifest(Manifest.FORMAT_VERSION, spec.name(), spec.domain(), "", entries, List.copyOf(images),
                ports, dnsRecords(spec, hosts, dkim), volumes, dumps, postDeploy, health, memory,
                List.copyOf(new TreeSet<>(allFiles)), List.copyOf(new TreeSet<>(clientFiles)), warnings);
    }

    /**
     * One A record per host name (HTTP-01), or one wildcard (DNS-01); mail records when mail is on: MX, SPF,
     * DMARC and the mail server's DKIM key ({@code dkim}, null without a mail server).
     */
    static List<Manifest.DnsRecordNeeded> dnsRecords(HavenSpec spec, Hosts hosts, Manifest.DnsRecordNeeded dkim) {
        String ip = Manifest.DnsRecordNeeded.SERVER_IPV4;
        List<Manifest.DnsRecordNeeded> records = new ArrayList<>();
        if (spec.tls() == TlsMode.DNS_01) {
            records.add(new Manifest.DnsRecordNeeded("A", "*." + spec.domain(), ip));
        } else {
            new TreeSet<>(hosts.byService().values()).forEach(h -> records.add(new Manifest.DnsRecordNeeded("A", h, ip)));
        }
        if (spec.mailEnabled()) {
            String mailHost = MailDnsRecords.host(spec.domain());
            if (spec.tls() != TlsMode.DNS_01 && !hosts.byService().containsValue(mailHost)) {
                records.add(new Manifest.DnsRecordNeeded("A", mailHost, ip));
            }
            records.addAll(MailDnsRecords.withoutDkim(spec));
        }
        if (dkim != null) {
            records.add(dkim);
        }
        return records;
    }
}
