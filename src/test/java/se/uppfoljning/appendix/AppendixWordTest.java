package se.uppfoljning.appendix;

import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.SeedReport;
import se.uppfoljning.followup.FollowUpChange;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Word appendices say what the seed's Bilaga 1 and Bilaga 2 say, with a structure Word can navigate. */
class AppendixWordTest extends AbstractIntegrationTest {

    @Autowired
    AppendixService appendices;
    @Autowired
    PeriodService periods;
    @Autowired
    FollowUpService followUp;

    CommitteeContext context;

    @BeforeEach
    void setUp() {
        testData.reset();
        signIn("politiker");
        context = periods.context("ks", "2024-dr1");
    }

    private WordContent bilaga2() {
        return WordContent.of(appendices.generate(context, AppendixKind.BILAGA_2, AppendixFormat.DOCX).content());
    }

    @Test
    void bilaga2HasTheSeedsRowsWordForWordInOrder() {
        List<SeedReport.Row> seed = SeedReport.bilaga2Rows();
        assertThat(seed).hasSize(52);
        assertThat(bilaga2().rows()).containsExactlyElementsOf(seed);
    }

    @Test
    void bilaga2HasTheSeedsTitleIntroductionAndHeadings() {
        WordContent word = bilaga2();
        assertThat(word.headings1()).containsExactly("Bilaga 2: Uppföljning av strategiska mål och uppdrag");
        assertThat(word.headings()).containsExactlyElementsOf(SeedReport.bilaga2Headings());
        String intro = SeedReport.bilaga2Introduction();
        assertThat(word.paragraphs()).containsExactly(intro.replace("*", ""));

        XWPFParagraph paragraph = word.document().getParagraphs().stream()
                .filter(p -> p.getText().equals(intro.replace("*", ""))).findFirst().orElseThrow();
        List<String> italic = paragraph.getRuns().stream().filter(XWPFRun::isItalic).map(XWPFRun::text).toList();
        List<String> marked = new ArrayList<>();
        String[] parts = intro.split("\\*");
        for (int i = 1; i < parts.length; i += 2) {
            marked.add(parts[i]);
        }
        assertThat(italic).containsExactlyElementsOf(marked).containsExactly("prognos", "prognosen", "kommer att vara genomfört");
    }

    @Test
    void bilaga2sTablesHaveTheSeedsHeaders() {
        for (List<List<String>> table : bilaga2().tables()) {
            List<String> header = table.get(0);
            assertThat(header).hasSize(3);
            assertThat(header.get(0)).matches("Nämndmål|Kommunövergripande indikatorer|Uppdrag ÖSB 2024|Kvarstående uppdrag från ÖSB 2023");
            assertThat(header.subList(1, 3)).containsExactly(header.get(0).contains("ppdrag") ? "Prognos uppdrag"
                    : "Prognos måluppfyllelse", "Kommentar");
        }
    }

    @Test
    void bilaga1HasTheSeedsFourMeasures() {
        WordContent word = WordContent.of(appendices.generate(context, AppendixKind.BILAGA_1, AppendixFormat.DOCX).content());
        assertThat(word.headings1()).containsExactly("Bilaga 1: Planerade och vidtagna åtgärder");
        assertThat(word.paragraphs()).containsExactly("Tabell: Planerade och vidtagna åtgärder");
        List<SeedReport.Measure> seed = SeedReport.bilaga1Measures();
        assertThat(seed).hasSize(4);
        assertThat(word.tables()).hasSize(4);
        for (int i = 0; i < seed.size(); i++) {
            List<List<String>> table = word.tables().get(i);
            assertThat(table.get(0)).as("header of measure %d", i + 1).containsExactlyElementsOf(printedHeader(seed.get(i).header()));
            assertThat(table.get(1)).as("cells of measure %d", i + 1).containsExactlyElementsOf(seed.get(i).cells());
            assertThat(table.get(2)).containsExactly("Kommentar:", seed.get(i).comment());
        }
    }

    /**
     * The seed's header as we print it: its "Besluts-datum"/"Diarie-nummer" are hyphenations of a narrow column,
     * and "Hitills" (measures 1 and 2) a typo that measures 3 and 4 spell "Hittills".
     */
    static List<String> printedHeader(List<String> seedHeader) {
        return seedHeader.stream().map(h -> h.replace("Besluts-datum", "Beslutsdatum")
                .replace("Diarie-nummer", "Diarienummer").replace("Hitills", "Hittills")).toList();
    }

    @Test
    void wordStructureIsNavigableAndAccessible() throws Exception {
        WordContent word = bilaga2();
        var document = word.document();
        for (int level = 1; level <= 3; level++) {
            var style = document.getStyles().getStyle("Heading" + level);
            assertThat(style).as("Heading%d", level).isNotNull();
            assertThat(style.getName()).isEqualTo("heading " + level);
            assertThat(style.getCTStyle().getPPr().getOutlineLvl().getVal()).isEqualTo(BigInteger.valueOf(level - 1));
        }
        // 16 strategic goals and 9 assignment tables (the seed splits two of them; the demo merges those)
        assertThat(document.getTables()).hasSize(25);
        for (XWPFTable table : document.getTables()) {
            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            assertThat(table.getCTTbl().getTblGrid().sizeOfGridColArray()).isEqualTo(3);
            assertThat(table.getRows().subList(1, table.getRows().size())).noneMatch(r -> r.isRepeatHeader());
        }
        CTSectPr section = document.getDocument().getBody().getSectPr();
        assertThat(section.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
        assertThat(section.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
        assertThat(document.getHeaderList()).singleElement().satisfies(h ->
                assertThat(h.getText()).contains("Kommunstyrelsen", "Delårsrapport med prognos 1 2024"));
        assertThat(document.getFooterList()).singleElement().satisfies(f ->
                assertThat(f.getParagraphs().get(0).getCTP().xmlText()).contains("PAGE", "NUMPAGES"));
        var core = document.getProperties().getCoreProperties();
        assertThat(core.getTitle()).isEqualTo("Bilaga 2: Uppföljning av strategiska mål och uppdrag");
        assertThat(core.getUnderlyingProperties().getLanguageProperty()).contains("sv-SE");
        assertThat(document.getStyles().getDefaultRunStyle()).isNotNull();
        assertThat(document.getStyle().getDocDefaults().getRPrDefault().getRPr().getLangArray(0).getVal()).isEqualTo("sv-SE");
    }

    @Test
    void sameDataGivesTheSameBytesAndAChangedCommentShows() {
        AppendixFile first = appendices.generate(context, AppendixKind.BILAGA_2, AppendixFormat.DOCX);
        AppendixFile second = appendices.generate(context, AppendixKind.BILAGA_2, AppendixFormat.DOCX);
        assertThat(second.content()).isEqualTo(first.content());
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(first.fileName()).isEqualTo(
                "Bilaga 2 Uppföljning av strategiska mål och uppdrag - Kommunstyrelsen - Delårsrapport med prognos 1 2024.docx");

        // 2024-dr1 is decided: edits go to the open 2024-dr2, and the decided appendix stays as it was
        signIn("sekretariat");
        var open = periods.context("ks", "2024-dr2");
        AppendixFile openBefore = appendices.generate(open, AppendixKind.BILAGA_2, AppendixFormat.DOCX);
        List<FollowUpRow> rows = followUp.overview(open).rows();
        FollowUpRow row = rows.stream().filter(r -> !r.derivedFromFinance()).findFirst().orElseThrow();
        followUp.save(open, row.id(), new FollowUpChange(row.status(), "Ny kommentar från sekretariatet.", row.version()));
        AppendixFile changed = appendices.generate(open, AppendixKind.BILAGA_2, AppendixFormat.DOCX);
        assertThat(changed.sha256()).isNotEqualTo(openBefore.sha256());
        assertThat(WordContent.of(changed.content()).rows().get(rows.indexOf(row)).comment())
                .isEqualTo("Ny kommentar från sekretariatet.");
        assertThat(appendices.generate(context, AppendixKind.BILAGA_2, AppendixFormat.DOCX).sha256()).isEqualTo(first.sha256());

        AppendixFile bilaga1 = appendices.generate(context, AppendixKind.BILAGA_1, AppendixFormat.DOCX);
        assertThat(appendices.generate(context, AppendixKind.BILAGA_1, AppendixFormat.DOCX).content()).isEqualTo(bilaga1.content());
    }
}
