package org.openhaven.desktop.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.openhaven.engine.catalog.Catalog;
import org.openhaven.engine.haven.HavenEngine;
import org.openhaven.engine.secrets.Secret;
import org.openhaven.engine.secrets.Vault;
import org.openhaven.engine.spec.DnsSpec;
import org.openhaven.engine.spec.HavenSpec;
import org.openhaven.engine.spec.HavenSpecWriter;
import org.openhaven.engine.spec.ServerSpec;
import org.openhaven.engine.state.AtomicFiles;
import org.openhaven.engine.testsupport.FileBackedTestHost;
import org.openhaven.engine.testsupport.FileBackedTestProvider;
import org.openhaven.engine.testsupport.TestHavens;

/**
 * A real OPENHAVEN home in a temporary directory with two havens, "home" and "family", each with a saved spec and
 * a real vault of its own passphrase; the real engine and gateway on top.
 */
public final class TwoHavenHome {

    public static final Secret HOME_PASSPHRASE = Secret.of("home passphrase, long enough");
    public static final Secret FAMILY_PASSPHRASE = Secret.of("family passphrase, quite different");

    private final HavenEngine engine;
    private final FileBackedTestProvider provider;

    /** The home as it is: empty on the first run, or as an earlier {@link #of} left it. */
    public static TwoHavenHome at(Path home, Path work) {
        return new TwoHavenHome(home, work);
    }

    /** The two havens with their own vaults. */
    public static TwoHavenHome of(Path home, Path work) {
        TwoHavenHome havens = new TwoHavenHome(home, work);
        havens.saveSpec("home");
        havens.saveSpec("family");
        Vault.openOrCreate(havens.engine.directory("home").vaultFile(), HOME_PASSPHRASE).put("note", Secret.of("home"));
        Vault.openOrCreate(havens.engine.directory("family").vaultFile(), FAMILY_PASSPHRASE)
                .put("note", Secret.of("fam"));
        return havens;
    }

    private TwoHavenHome(Path home, Path work) {
        provider = new FileBackedTestProvider(work.resolve("provider.json"));
        engine = TestHavens.engine(home, provider, new FileBackedTestHost(work.resolve("host.log")));
    }

    /** A haven.yaml as the wizard leaves it for a Hetzner haven (the loader accepts only the real providers). */
    public void saveSpec(String name) {
        HavenSpec spec = TestHavens.cloudSpec(name);
        HavenSpec hetzner = new HavenSpec(spec.name(), spec.domain(), spec.owner(),
                new ServerSpec("hetzner", "fsn1", "cx22", null, null, null, null), new DnsSpec("cloudflare", null),
                spec.tls(), spec.services(), null, spec.vpn(), spec.mail());
        AtomicFiles.write(engine.store().create(name).specFile(),
                new HavenSpecWriter().write(hetzner).getBytes(StandardCharsets.UTF_8));
    }

    public HavenEngine engine() {
        return engine;
    }

    /** A fresh gateway on this home, as a new start of the app has. */
    public EngineBackedGateway gateway() {
        return new EngineBackedGateway(Catalog.builtIn(), TestHavens.registry(provider), engine,
                url -> new ServiceProbe.Result(ServiceHealth.State.UP, null));
    }
}
