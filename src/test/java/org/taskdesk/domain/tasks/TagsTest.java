package org.taskdesk.domain.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TagsTest {

    @Test
    void namesAreTrimmedStrippedOfHashAndLowerCased() {
        assertThat(Tags.of("  #Work ", "HOME").names()).containsExactly("home", "work");
    }

    @Test
    void lowerCasingIgnoresTheDefaultLocale() {
        // In a Turkish locale "I".toLowerCase() is a dotless i; tags must not depend on the machine.
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
            assertThat(Tags.of("INBOX").names()).containsExactly("inbox");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void storedFormIsSortedCommaSeparatedNames() {
        assertThat(Tags.of("work", "home", "errands/shop").toStored()).isEqualTo("errands/shop,home,work");
    }

    @Test
    void noTagsAreStoredAsNull() {
        assertThat(Tags.EMPTY.toStored()).isNull();
        assertThat(Tags.fromStored(null)).isEqualTo(Tags.EMPTY);
        assertThat(Tags.fromStored("")).isEqualTo(Tags.EMPTY);
    }

    @Test
    void storedFormRoundTrips() {
        Tags tags = Tags.of("b", "a-1", "x_y/z");
        assertThat(Tags.fromStored(tags.toStored())).isEqualTo(tags);
        assertThat(Tags.fromStored("home,work").names()).containsExactly("home", "work");
    }

    @Test
    void withAndWithoutReturnNewSetsAndLeaveTheOriginal() {
        Tags original = Tags.of("home");
        Tags more = original.with("#Work");
        assertThat(more.names()).containsExactly("home", "work");
        assertThat(original.names()).containsExactly("home");
        assertThat(more.without("HOME").names()).containsExactly("work");
        assertThat(more.contains("#work")).isTrue();
        assertThat(more.contains("play")).isFalse();
        assertThat(more.contains("not valid!")).isFalse();
    }

    @Test
    void duplicatesCollapse() {
        assertThat(Tags.of("Home", "#home", "home").size()).isEqualTo(1);
    }

    @Test
    void namesCannotBeChangedThroughTheView() {
        Tags tags = Tags.of("home");
        assertThatThrownBy(() -> tags.names().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"two words", "semi;colon", "comma,inside", "emoji😀", "dot.ted"})
    void namesWithOtherCharactersAreRefused(String name) {
        assertThatThrownBy(() -> Tags.of(name))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessageContaining("use only letters, digits, -, _ and /");
    }

    @Test
    void spaceIsNamedInTheMessage() {
        assertThatThrownBy(() -> Tags.of("two words"))
                .hasMessage("Tag \"two words\" contains a space; use only letters, digits, -, _ and /.");
    }

    @Test
    void fiftyCharactersAreAllowedAndFiftyOneAreNot() {
        String fifty = "a".repeat(50);
        assertThat(Tags.of(fifty).names()).containsExactly(fifty);
        assertThatThrownBy(() -> Tags.of(fifty + "b"))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessageContaining("is 51 characters long; keep it to 50 or fewer.");
    }

    @Test
    void emptyNamesAreRefused() {
        assertThatThrownBy(() -> Tags.of("#")).isInstanceOf(InvalidTaskException.class);
        assertThatThrownBy(() -> Tags.of("  ")).isInstanceOf(InvalidTaskException.class);
    }

    @Test
    void lettersOfOtherScriptsAreAllowed() {
        assertThat(Tags.of("Küche", "日本").names()).containsExactly("küche", "日本");
    }
}
