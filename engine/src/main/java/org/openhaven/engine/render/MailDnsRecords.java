package org.openhaven.engine.render;

import java.util.ArrayList;
import java.util.List;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.HavenSpec;

/**
 * The DNS records a haven's mail server needs, in one place for the render manifest, the plan and the DNS step:
 * {@code MX 10 mail.<domain>.}, SPF and DMARC (pure functions of the spec) and DKIM, whose value is derived from the
 * vault's signing key so DNS always publishes the key the server signs with.
 */
public final class MailDnsRecords {

    /** The DKIM selector: the record is {@code mail._domainkey.<domain>}. */
    public static final String DKIM_SELECTOR = "mail";
    /** Where the vault keeps the DKIM private key (PKCS#8 PEM). */
    public static final String DKIM_VAULT_KEY = "mail/dkim-private-key";

    private MailDnsRecords() {
    }

    /** {@code mail.<domain>}: the MX target, the certificate name and the name the PTR record should carry. */
    public static String host(String domain) {
        return "mail." + domain;
    }

    /** MX, SPF and DMARC: everything but DKIM, which needs the vault. */
    public static List<Manifest.DnsRecordNeeded> withoutDkim(HavenSpec spec) {
        String domain = spec.domain();
        List<Manifest.DnsRecordNeeded> records = new ArrayList<>();
        records.add(new Manifest.DnsRecordNeeded("MX", domain, "10 " + host(domain) + "."));
        records.add(new Manifest.DnsRecordNeeded("TXT", domain, "v=spf1 mx -all"));
        records.add(new Manifest.DnsRecordNeeded("TXT", "_dmarc." + domain,
                "v=DMARC1; p=quarantine; rua=mailto:postmaster@" + domain));
        return records;
    }

    /** {@code mail._domainkey.<domain>}. */
    public static String dkimName(String domain) {
        return DKIM_SELECTOR + "._domainkey." + domain;
    }

    /**
     * The DKIM record ({@code v=DKIM1; k=rsa; p=…}, about 400 characters) for the vault's signing key, creating the
     * key on first use exactly as the renderer does, so whichever runs first, both agree.
     */
    public static Manifest.DnsRecordNeeded dkim(HavenSpec spec, SecretStore vault, SecretGenerators generators) {
        return new Manifest.DnsRecordNeeded("TXT", dkimName(spec.domain()),
                SecretGenerators.dkimTxtValue(vault.getOrCreate(DKIM_VAULT_KEY, () -> generators.dkim().privateKeyPem())));
    }
}
