package org.openhaven.engine.testsupport;

import java.nio.file.Path;
import org.openhaven.engine.cloud.CloudProvider;
import org.openhaven.engine.dns.DnsProvider;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.haven.CloudProviderFactory;
import org.openhaven.engine.haven.DnsProviderFactory;
import org.openhaven.engine.secrets.SecretStore;

/**
 * TEST-SCOPE factories, registered in the test class path's {@code META-INF/services}, so a CLI started in a
 * child JVM finds the {@link FileBackedTestProvider} as provider {@code testcloud}. Like a real provider they need
 * a token from the vault ({@code testcloud/token}); the provider file comes from the system property
 * {@code openhaven.test.providerFile}.
 */
public final class TestProviderFactories {

    public static final String FILE_PROPERTY = "openhaven.test.providerFile";
    public static final String TOKEN_KEY = "testcloud/token";

    private TestProviderFactories() {
    }

    static FileBackedTestProvider create(SecretStore secrets) {
        if (secrets.find(TOKEN_KEY).isEmpty()) {
            throw OpenHavenException.of(ErrorCategory.AUTH, "There is no token for the test provider in the vault.")
                    .remedy("Store it with 'openhaven secrets set " + TOKEN_KEY + "'.").build();
        }
        return new FileBackedTestProvider(Path.of(System.getProperty(FILE_PROPERTY)));
    }

    /** Cloud side. */
    public static final class Cloud implements CloudProviderFactory {
        @Override
        public String id() {
            return FileBackedTestProvider.ID;
        }

        @Override
        public CloudProvider create(String endpoint, SecretStore secrets) {
            return TestProviderFactories.create(secrets);
        }
    }

    /** DNS side. */
    public static final class Dns implements DnsProviderFactory {
        @Override
        public String id() {
            return FileBackedTestProvider.ID;
        }

        @Override
        public DnsProvider create(String endpoint, SecretStore secrets) {
            return TestProviderFactories.create(secrets);
        }
    }
}
