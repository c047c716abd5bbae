package se.uppfoljning.report;

import org.junit.jupiter.api.Test;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.report.internal.MarkdownBlocks;
import se.uppfoljning.appendix.AppendixDocument;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The section file format (front matter and Markdown) and the Markdown's blocks, without a database. */
class ReportImportTest {

    private static NewSection parse(String text) {
        return ReportImportService.parse("01-test.md", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void frontMatterGivesNumberHeadingLevelAndBlock() {
        NewSection s = parse("---\nnumber: 2.1\nheading: Analys\nlevel: 2\nkind: text\n---\n\nEtt *stycke*.\n");
        assertThat(s).isEqualTo(new NewSection("2.1", "Analys", 2, null, "Ett *stycke*.\n"));
        NewSection b = parse("\uFEFF---\r\nlevel: 3\r\nheading: Kommunledning\r\nkind: block\r\nblock: units ÖKL\r\n---\r\n");
        assertThat(b.block()).isEqualTo("units ÖKL");
        assertThat(b.body()).isEmpty();
    }

    @Test
    void wrongFrontMatterIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> parse("Ingen front matter")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> parse("---\nlevel: 9\n---\n")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> parse("---\nlevel: 1\n---\n")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> parse("---\nkind: block\nblock: pie-chart\n---\n")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> parse("---\ncolour: red\n---\n")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ReportImportService.parse("x.md", new byte[]{'-', '-', '-', '\n', (byte) 0xC3, '\n'}))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void markdownBecomesParagraphsWithEmphasisListsTablesAndNeverMarkup() {
        var blocks = MarkdownBlocks.parse("Text med *kursiv* och **fet** <b>html</b>.\n\n## Under\n\n1. Ett\n2. Två\n\n"
                + "| A | B |\n| --- | ---: |\n| x | 1 |\n", 2);
        assertThat(blocks).hasSize(4);
        var p = (AppendixDocument.Paragraph) blocks.get(0);
        assertThat(p.text()).isEqualTo("Text med kursiv och fet <b>html</b>.");
        assertThat(p.runs()).anyMatch(r -> r.italic() && r.text().equals("kursiv"))
                .anyMatch(r -> r.bold() && r.text().equals("fet"));
        assertThat(blocks.get(1)).isEqualTo(new AppendixDocument.Heading(2, null, "Under", false));
        assertThat(((AppendixDocument.ListBlock) blocks.get(2)).ordered()).isTrue();
        assertThat(((AppendixDocument.Table) blocks.get(3)).rows()).containsExactly(List.of("x", "1"));
    }
}
