package org.openhaven.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("name", "domain", "services", "server", "backup");

    @Test
    void transposedLettersCountAsOneEdit() {
        assertThat(Suggestions.distance("servcies", "services")).isEqualTo(1);
        assertThat(Suggestions.nearest("servcies", KEYS)).contains("services");
    }

    @Test
    void missingLetterFindsTheWord() {
        assertThat(Suggestions.nearest("nextclod", List.of("nextcloud", "onlyoffice"))).contains("nextcloud");
    }

    @Test
    void distantWordsSuggestNothing() {
        assertThat(Suggestions.nearest("colour", KEYS)).isEmpty();
        assertThat(Suggestions.didYouMean("colour", KEYS)).isEmpty();
    }

    @Test
    void shortWordsNeedACloseMatch() {
        assertThat(Suggestions.nearest("ab", List.of("xy"))).isEmpty();
        assertThat(Suggestions.nearest("tls", List.of("tld"))).contains("tld");
    }

    @Test
    void tiesGoToTheAlphabeticallyFirstCandidate() {
        assertThat(Suggestions.nearest("cx23", List.of("cx32", "cx22"))).contains("cx22");
    }

    @Test
    void caseIsIgnored() {
        assertThat(Suggestions.didYouMean("Services", KEYS)).isEqualTo(" — did you mean 'services'?");
    }

    @Test
    void slugDropsAccentsAndJoinsWordsWithDashes() {
        assertThat(SpecValidator.slugOf("Bücher Café!", 40)).isEqualTo("bucher-cafe");
        assertThat(SpecValidator.slugOf("***", 40)).isEqualTo("home");
        assertThat(SpecValidator.slugOf("a very long name", 6)).isEqualTo("a-very");
    }
}
