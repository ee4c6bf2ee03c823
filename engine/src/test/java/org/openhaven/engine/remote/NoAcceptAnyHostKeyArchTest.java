package org.openhaven.engine.remote;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Host keys are pinned, always: no class of ours may use SSHJ's accept-anything verifiers. */
class NoAcceptAnyHostKeyArchTest {

    private static final JavaClasses OURS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.openhaven");

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
