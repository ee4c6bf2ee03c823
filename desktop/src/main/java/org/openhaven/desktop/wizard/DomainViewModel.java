package org.openhaven.desktop.wizard;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.openhaven.desktop.engine.EngineGateway;
import org.openhaven.desktop.ui.Async;
import org.openhaven.desktop.ui.Messages;
import org.openhaven.engine.dns.DnsRecord;
import org.openhaven.engine.secrets.Secret;

/** The domain (validated as typed), the owner, and how DNS is managed. */
public final class DomainViewModel implements PageViewModel {

    /** DNS providers offered, as spec ids. */
    public static final List<String> DNS_PROVIDERS = List.of("cloudflare", "route53", "manual");

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final EngineGateway engine;
    private final StringProperty domain = new SimpleStringProperty("");
    private final StringProperty ownerName = new SimpleStringProperty("");
    private final StringProperty ownerEmail = new SimpleStringProperty("");
    private final StringProperty dnsProvider = new SimpleStringProperty("cloudflare");
    private final StringProperty dnsToken = new SimpleStringProperty("");
    private final CredentialCheck check;
    private final StringBinding domainProblem;
    private final BooleanBinding complete;

    public DomainViewModel(EngineGateway engine, Async async) {
        this.engine = engine;
        this.check = new CredentialCheck(async);
        dnsProvider.addListener((o, was, now) -> check.reset());
        dnsToken.addListener((o, was, now) -> check.reset());
        domainProblem = Bindings.createStringBinding(() -> domainProblem(domain.get()), domain);
        complete = Bindings.createBooleanBinding(
                () -> domainProblem.get().isEmpty() && emailValid() && !ownerName.get().isBlank()
                        && (isManual() || check.passed()),
                domainProblem, ownerName, ownerEmail, dnsProvider, check.stateProperty());
    }

    /**
     * Why {@code typed} is not a usable apex domain, or empty when it is. Accepts internationalised names
     * (converted to punycode) and a trailing dot.
     */
    static String domainProblem(String typed) {
        String value = typed == null ? "" : typed.trim();
        if (value.isEmpty()) {
            return Messages.get("domain.error.empty");
        }
        if (value.contains("://") || value.contains("/")) {
            return Messages.get("domain.error.url");
        }
        String ascii;
        try {
            ascii = normalise(value);
        } catch (IllegalArgumentException e) {
            return Messages.get("domain.error.invalid", value);
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return Messages.get("domain.error.noDot");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Messages.get("domain.error.label", label.isEmpty() ? "(empty)" : label);
            }
        }
        if (labels[labels.length - 1].matches("[0-9]+")) {
            return Messages.get("domain.error.ip");
        }
        return "";
    }

    static String normalise(String value) {
        String trimmed = value.trim().toLowerCase(Locale.ROOT);
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return IDN.toASCII(trimmed);
    }

    /** The domain as the spec stores it; call only when {@link #complete()} holds. */
    public String normalisedDomain() {
        return normalise(domain.get());
    }

    boolean emailValid() {
        return EMAIL.matcher(ownerEmail.get().trim()).matches();
    }

    public boolean isManual() {
        return "manual".equals(dnsProvider.get());
    }

    public void verify() {
        if (isManual() || dnsToken.get().isBlank()) {
            return;
        }
        String provider = dnsProvider.get();
        Secret token = Secret.of(dnsToken.get().trim());
        check.run(() -> engine.verifyDnsCredentials(provider, token), () -> { });
    }

    public Secret dnsCredential() {
        return Secret.of(dnsToken.get().trim());
    }

    /**
     * The records the user adds by hand for "manual" DNS: the apex and a wildcard pointing at the server. The
     * address is known only once the server exists, so the preview shows a placeholder until then.
     */
    public List<DnsRecord> recordsPreview(String serverAddress) {
        if (!domainProblem.get().isEmpty()) {
            return List.of();
        }
        String apex = normalisedDomain();
        return List.of(DnsRecord.desired("A", apex, serverAddress),
                DnsRecord.desired("A", "*." + apex, serverAddress));
    }

    @Override
    public ObservableBooleanValue complete() {
        return complete;
    }

    public StringBinding domainProblemProperty() {
        return domainProblem;
    }

    public StringProperty domainProperty() {
        return domain;
    }

    public StringProperty ownerNameProperty() {
        return ownerName;
    }

    public StringProperty ownerEmailProperty() {
        return ownerEmail;
    }

    public StringProperty dnsProviderProperty() {
        return dnsProvider;
    }

    public StringProperty dnsTokenProperty() {
        return dnsToken;
    }

    public CredentialCheck check() {
        return check;
    }
}
