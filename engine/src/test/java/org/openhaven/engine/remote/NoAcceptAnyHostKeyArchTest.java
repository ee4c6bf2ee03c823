package org.openhaven.engine.remote;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Host keys are pinned, always: no class of ours may use SSHJ's accept-anything verifiers. */
class NoAcceptAnyHostKeyArchTest {

    /** Main and test classes of the engine, imported from their directories (scanning the classpath is slow). */
    private static final JavaClasses OURS = new ClassFileImporter().importPaths(
            location(PinnedHostKeyVerifier.class), location(NoAcceptAnyHostKeyArchTest.class));

    private static java.nio.file.Path location(Class<?> type) {
        try {
            return java.nio.file.Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noClassUsesPromiscuousVerifier() {
        ArchRule rule = noClasses().should()
                .dependOnClassesThat().haveFullyQualifiedName("net.schmizz.sshj.transport.verification.PromiscuousVerifier")
                .because("an accept-any host key verifier would hand the haven's secrets to whoever answers");
        rule.check(OURS);
    }

    @Test
    void onlyThePinningVerifierImplementsHostKeyVerifier() {
        ArchRule rule = noClasses().that().doNotHaveFullyQualifiedName(PinnedHostKeyVerifier.class.getName())
                .should().implement("net.schmizz.sshj.transport.verification.HostKeyVerifier")
                .because("every SSH connection must pin the server's key");
        rule.check(OURS);
    }
}
