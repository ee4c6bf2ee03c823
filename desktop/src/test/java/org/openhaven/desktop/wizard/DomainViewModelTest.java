package org.openhaven.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainViewModelTest {

    @Test
    void acceptsApexAndSubdomainsAndInternationalNames() {
        assertThat(DomainViewModel.domainProblem("example.org")).isEmpty();
        assertThat(DomainViewModel.domainProblem("home.example.co.uk")).isEmpty();
        assertThat(DomainViewModel.domainProblem("bücher.de")).isEmpty();
        assertThat(DomainViewModel.normalise("Bücher.DE.")).isEqualTo("xn--bcher-kva.de");
    }

    @Test
    void namesTheProblemWithATypedDomain() {
        assertThat(DomainViewModel.domainProblem("")).contains("Enter the domain");
        assertThat(DomainViewModel.domainProblem("https://example.org")).contains("without https://");
        assertThat(DomainViewModel.domainProblem("localhost")).contains("at least two parts");
        assertThat(DomainViewModel.domainProblem("my_site.org")).contains("'my_site'");
        assertThat(DomainViewModel.domainProblem("example..org")).contains("not a valid domain name");
        assertThat(DomainViewModel.domainProblem("10.0.0.1")).contains("not an IP address");
    }

    @Test
    void havenNameIsDerivedFromTheDomain() {
        assertThat(SpecAssembler.havenName("cloud.example.org")).isEqualTo("cloud-example-org");
        assertThat(SpecAssembler.havenName("xn--bcher-kva.de")).isEqualTo("xn-bcher-kva-de");
    }
}
