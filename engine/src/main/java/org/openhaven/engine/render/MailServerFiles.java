package org.openhaven.engine.render;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.SecretGenerators;
import org.openhaven.engine.secrets.SecretStore;
import org.openhaven.engine.spec.HavenSpec;

/**
 * The mail server's accounts, aliases and DKIM key, all kept in the vault so every render gives the same files.
 *
 * <p>Accounts: the owner's mailbox ({@code alice@example.org} when the owner's address is at the haven's domain,
 * otherwise {@code postmaster@example.org}, which also forwards to the owner's own address) and
 * {@code noreply@example.org}, the account the haven's apps send through. The vault keeps each password
 * ({@code mail/mailbox/<address>}, and the noreply one as {@code mail/MAIL_NOREPLY_PASSWORD} so it reaches the apps
 * through {@code .env}); the server gets only SHA512-CRYPT hashes. The hash is kept next to its password so the
 * file stays byte-identical across renders, and made again if the password was changed in the vault.
 *
 * <p>DKIM: an RSA-2048 key under {@code mail/dkim-private-key}; the TXT record is derived from it, so what DNS
 * publishes always matches what the server signs with.
 */
final class MailServerFiles {

    static final String DKIM_SELECTOR = MailDnsRecords.DKIM_SELECTOR;
    static final String NOREPLY_PASSWORD_KEY = "mail/MAIL_NOREPLY_PASSWORD";
    static final String DKIM_KEY = MailDnsRecords.DKIM_VAULT_KEY;
    static final String HASH_SUFFIX = ".sha512-crypt";

    private final String domain;
    private final List<Account> accounts = new ArrayList<>();
    private final List<Alias> aliases = new ArrayList<>();
    private final Secret dkimPrivateKey;
    private final Manifest.DnsRecordNeeded dkim;

    /** A mailbox and the SHA512-CRYPT hash of its password. */
    record Account(String address, Secret passwordHash) {
    }

    /** Mail to {@code address} goes to {@code targets} (comma-separated, as Postfix's virtual table reads it). */
    record Alias(String address, String targets) {
    }

    MailServerFiles(HavenSpec spec, SecretStore store, SecretGenerators generators, SecureRandom random) {
        this.domain = spec.domain();
        String mailbox = ownerMailbox(spec);
        String postmaster = "postmaster@" + domain;
        accounts.add(account(mailbox, mailboxPasswordKey(mailbox), store, generators, random));
        accounts.add(account(noreplyAddress(domain), NOREPLY_PASSWORD_KEY, store, generators, random));
        if (!ownerIsAtDomain(spec)) {
            // The owner's own address is elsewhere: keep a copy here and forward one there.
            aliases.add(new Alias(postmaster, postmaster + "," + spec.owner().email()));
        } else if (!mailbox.equals(postmaster)) {
            aliases.add(new Alias(postmaster, mailbox));
        }
        aliases.add(new Alias("abuse@" + domain, mailbox));
        this.dkim = MailDnsRecords.dkim(spec, store, generators);
        this.dkimPrivateKey = store.find(DKIM_KEY).orElseThrow();
    }

    /** The owner's address when it is at the haven's domain, else {@code postmaster@<domain>}. */
    static String ownerMailbox(HavenSpec spec) {
        String email = spec.owner().email();
        return ownerIsAtDomain(spec)
                ? email.substring(0, email.lastIndexOf('@')).toLowerCase(Locale.ROOT) + "@" + spec.domain()
                : "postmaster@" + spec.domain();
    }

    private static boolean ownerIsAtDomain(HavenSpec spec) {
        String email = spec.owner().email();
        return email.substring(email.lastIndexOf('@') + 1).equalsIgnoreCase(spec.domain());
    }

    static String noreplyAddress(String domain) {
        return "noreply@" + domain;
    }

    /** Where the vault keeps a mailbox's password: {@code mail/mailbox/alice@example.org}. */
    static String mailboxPasswordKey(String address) {
        return "mail/mailbox/" + address;
    }

    private static Account account(String address, String passwordKey, SecretStore store, SecretGenerators generators,
                                   SecureRandom random) {
        Secret password = store.getOrCreate(passwordKey, generators::password);
        String hashKey = passwordKey + HASH_SUFFIX;
        Secret hash = store.find(hashKey).filter(h -> Sha512Crypt.matches(password, h)).orElse(null);
        if (hash == null) {
            hash = Sha512Crypt.hash(password, random);
            store.put(hashKey, hash);
        }
        return new Account(address, hash);
    }

    /** The DKIM TXT record ({@code mail._domainkey.<domain>}) matching the key the server signs with. */
    Manifest.DnsRecordNeeded dkimRecord() {
        return dkim;
    }

    List<Account> accounts() {
        return List.copyOf(accounts);
    }

    List<Alias> aliases() {
        return List.copyOf(aliases);
    }

    /** The model the mail server's files see ({@code mailserver.*}); only its own files, never compose.yaml. */
    Map<String, Object> templateModel() {
        List<Map<String, String>> accountModels = accounts.stream()
                .map(a -> Map.of("address", a.address(), "hash", a.passwordHash().reveal())).toList();
        List<Map<String, String>> aliasModels = aliases.stream()
                .map(a -> Map.of("address", a.address(), "targets", a.targets())).toList();
        return Map.of("accounts", accountModels, "aliases", aliasModels,
                "dkim", Map.of("selector", DKIM_SELECTOR, "privateKey", dkimPrivateKey.reveal()));
    }

    /** The values that make a file readable by root only: the DKIM key and the password hashes. */
    List<String> secretValues() {
        List<String> values = new ArrayList<>(List.of(dkimPrivateKey.reveal()));
        accounts.forEach(a -> values.add(a.passwordHash().reveal()));
        return values;
    }
}
