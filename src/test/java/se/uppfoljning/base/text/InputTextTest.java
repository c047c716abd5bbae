package se.uppfoljning.base.text;

import org.junit.jupiter.api.Test;
import se.uppfoljning.base.error.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class InputTextTest {

    @Test
    void textIsNfcWithLineFeeds() {
        assertThat(InputText.clean("Kommentar", "O\u0308KL")).isEqualTo("ÖKL");
        assertThat(InputText.clean("Kommentar", "a\r\nb\rc")).isEqualTo("a\nb\nc");
        assertThat(InputText.clean("Kommentar", "tab\tok")).isEqualTo("tab\tok");
        assertThat(InputText.clean("Kommentar", null)).isNull();
    }

    @Test
    void verticalTabAndFormFeedAreLineBreaks() {
        // what a copy from Word gives for a manual line break and a page break
        assertThat(InputText.clean("Kommentar", "rad 1\u000Brad 2\u000Crad 3\u2028rad 4")).isEqualTo("rad 1\nrad 2\nrad 3\nrad 4");
    }

    @Test
    void controlCharactersAreRefusedNamingTheField() {
        for (String bad : new String[]{"a\u0000b", "\u0007", "x\u001B", "\u007F", "\u0090", "\uD800", "\uFFFF"}) {
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> InputText.clean("Kommentar", bad));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.messageKey()).isEqualTo("input.error.character");
            assertThat(e.arguments()[0]).isEqualTo("Kommentar");
            assertThat(e.details()).singleElement().satisfies(d -> assertThat(d.column()).isEqualTo("Kommentar"));
        }
        ValidationException nul = catchThrowableOfType(ValidationException.class, () -> InputText.clean("comment", "ab\u0000"));
        assertThat(nul.arguments()).containsExactly("comment", "U+0000 (NULL)", "3");
    }

    /** A form's field: its errors are matched by the column, its message names the field as the user reads it. */
    @Test
    void aFieldWithAColumnIsNamedByItsLabelAndMatchedByItsColumn() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> InputText.cleanLine("malvarde", "Målvärde", " 3\u0007 "));
        assertThat(e.arguments()[0]).isEqualTo("Målvärde");
        assertThat(e.details()).singleElement().satisfies(d -> assertThat(d.column()).isEqualTo("malvarde"));
        ValidationException undrawable = catchThrowableOfType(ValidationException.class,
                () -> InputText.clean("nummer", "Nummer", "14.\uD83E\uDD7A"));
        assertThat(undrawable.messageKey()).isEqualTo("input.error.undrawable");
        assertThat(undrawable.arguments()[0]).isEqualTo("Nummer");
        assertThat(undrawable.details()).singleElement().satisfies(d -> assertThat(d.column()).isEqualTo("nummer"));
        assertThat(InputText.cleanLine("nummer", "Nummer", " 14.2 ")).isEqualTo("14.2");
    }

    @Test
    void emojiAndOtherScriptsAreAccepted() {
        String text = "✅ 📈 𝐀 中文 ሰላም سلام";
        assertThat(InputText.clean("Kommentar", text)).isEqualTo(text);
    }

    @Test
    void aCharacterNoDocumentFontHasIsRefusedWithItsPosition() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> InputText.clean("Kommentar", "Snälla 🥺 nu"));
        assertThat(e.messageKey()).isEqualTo("input.error.undrawable");
        assertThat(e.arguments()).containsExactly("Kommentar", "🥺", "U+1F97A", "8");
        // a control character is named first, wherever it is
        assertThat(InputText.refusal("🥺\u0007").undrawable()).isFalse();
        assertThat(InputText.refusal("ok ✅ 📈 中文")).isNull();
    }

    @Test
    void keysMatchWhateverTheUnicodeFormOrKindOfSpace() {
        assertThat(InputText.key("O\u0308KL")).isEqualTo(InputText.key("ÖKL"));
        assertThat(InputText.key(" Uppfylls\u00A0 delvis ")).isEqualTo(InputText.key("uppfylls delvis"));
        assertThat(InputText.key("Säkerhets\u2009avdelningen")).isEqualTo(InputText.key("Säkerhets avdelningen"));
        assertThat(InputText.key("ÖKL")).isNotEqualTo(InputText.key("OKL"));
    }

    @Test
    void sameTextIgnoresLineBreakKindAndOddSpaces() {
        assertThat(InputText.sameText("a\u000Bb", "a\nb")).isTrue();
        assertThat(InputText.sameText("2\u00A0614", "2 614")).isTrue();
        assertThat(InputText.sameText("a", "b")).isFalse();
    }
}
