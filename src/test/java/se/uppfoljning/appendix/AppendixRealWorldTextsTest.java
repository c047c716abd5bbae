package se.uppfoljning.appendix;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.validation.profiles.Profiles;
import org.verapdf.pdfa.validation.profiles.ValidationProfile;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.followup.FollowUpChange;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.measures.Measure;
import se.uppfoljning.measures.MeasureService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bilaga 1 and 2 with texts as officials and residents write them (emoji, mathematical letters, Chinese, Arabic,
 * Persian, Tigrinya, a 60-letter word, a long address): every character is drawn and in the text layer, long words
 * stay on the page, and the PDFs pass veraPDF's PDF/UA-1 validation without a single failed rule. A character that
 * no shipped font has is refused when it is entered.
 */
public class AppendixRealWorldTextsTest extends AbstractIntegrationTest {

    @Autowired
    AppendixService appendices;
    @Autowired
    FollowUpService followUp;
    @Autowired
    MeasureService measures;
    @Autowired
    PeriodService periods;

    CommitteeContext context;

    /** veraPDF's PDF/UA-1 profile (in its core jar; the default profile directory holds only the PDF/A ones). */
    static ValidationProfile PDF_UA_1;

    @BeforeAll
    static void initialiseVeraPdf() throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (var in = Profiles.class.getResourceAsStream("/org/verapdf/pdfa/validation/PDFUA-1.xml")) {
            PDF_UA_1 = Profiles.profileFromXml(in);
        }
        assertThat(PDF_UA_1.getPDFAFlavour()).isEqualTo(PDFAFlavour.PDFUA_1);
        assertThat(PDF_UA_1.getRules()).hasSizeGreaterThan(50);
    }

    @BeforeEach
    void setUp() {
        testData.reset();
        testData.copyDr1FiguresAndMeasuresToDr2();
        signIn("sekretariat");
        context = periods.context("ks", "2024-dr2");
        List<FollowUpRow> rows = followUp.overview(context).rows().stream()
                .filter(r -> r.editable() && !r.derivedFromFinance()).toList();
        for (int i = 0; i < RealWorldTexts.ALL.size(); i++) {
            FollowUpRow row = rows.get(i);
            followUp.save(context, row.id(), new FollowUpChange(row.status(), RealWorldTexts.ALL.get(i), row.version()));
        }
        Measure first = measures.measures(context).get(0);
        measures.save(context, new Measure(first.id(), first.number(), RealWorldTexts.LONG_WORD + " " + RealWorldTexts.EMOJI,
                first.decision(), first.diaryNumber(), first.forecastEffect(), first.totalEffect(), first.achievedEffect(),
                RealWorldTexts.MATH, RealWorldTexts.NAMES + " " + RealWorldTexts.CHINESE + " " + RealWorldTexts.LONG_URL));
    }

    private byte[] pdf(CommitteeContext in, AppendixKind kind) {
        return appendices.generate(in, kind, AppendixFormat.PDF).content();
    }

    @Test
    void bilaga1And2PassPdfUa1WithRealWorldTexts() throws Exception {
        CommitteeContext decided = periods.context("ks", "2024-dr1");
        for (CommitteeContext in : List.of(context, decided)) {
            for (AppendixKind kind : AppendixKind.values()) {
                assertThat(failedRules(pdf(in, kind))).as("%s %s", in.period().slug(), kind).isEmpty();
            }
        }
    }

    /** veraPDF's failed PDF/UA-1 checks, as "rule: message" (empty when compliant). */
    static List<String> failedRules(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDF_UA_1, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage()
                            + " @ " + a.getLocation().getContext())
                    .distinct().toList();
            assertThat(result.isCompliant()).isEqualTo(failed.isEmpty());
            return failed;
        }
    }

    @Test
    void everyCharacterIsInTheTextLayerAndNothingIsReplaced() throws IOException {
        String bilaga2 = sortedText(pdf(context, AppendixKind.BILAGA_2));
        String bilaga1 = sortedText(pdf(context, AppendixKind.BILAGA_1));
        for (String expected : RealWorldTexts.ALL) {
            assertEveryWordIn(bilaga2, expected);
        }
        for (String expected : List.of(RealWorldTexts.EMOJI, RealWorldTexts.MATH, RealWorldTexts.CHINESE,
                RealWorldTexts.NAMES, RealWorldTexts.LONG_WORD)) {
            assertEveryWordIn(bilaga1, expected);
        }
        assertThat(bilaga2).doesNotContain("#");
        assertThat(bilaga1).doesNotContain("#");
    }

    /**
     * Arabic and Persian are drawn right to left with joined letters, so the text layer read in logical order (PDFBox
     * applies the bidi algorithm to each line, as pdftotext does) holds every word as written, not its letters
     * reversed.
     */
    @Test
    void arabicAndPersianWordsAreInTheTextLayerInReadingOrder() throws IOException {
        String bilaga2 = text(pdf(context, AppendixKind.BILAGA_2)).replace("\u200C", "");
        for (String expected : List.of(RealWorldTexts.ARABIC, RealWorldTexts.PERSIAN)) {
            for (String word : expected.replace(":", " ").replace("\u200C", "").split("\\s+")) {
                if (!word.isEmpty()) {
                    assertThat(bilaga2).as(expected).contains(word);
                }
            }
        }
    }

    /**
     * The page's text in reading position (runs in a fallback font are painted after the line's other text). Each
     * word of {@code expected} must be there; right-to-left words letter by letter, as readers differ in their order.
     * Words wrapped inside their cell (longer than 25 characters) are checked whole in drawing order instead.
     */
    public static void assertEveryWordIn(String text, String expected) {
        for (String word : expected.split("\\s+")) {
            if (word.codePoints().anyMatch(cp -> Character.getDirectionality(cp) == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC)) {
                word.codePoints().forEach(cp -> assertThat(text).contains(Character.toString(cp)));
            } else if (word.length() <= 25) {
                assertThat(text).contains(word);
            }
        }
    }

    public static String sortedText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    @Test
    void longWordsAndAddressesStayOnThePage() throws IOException {
        for (AppendixKind kind : AppendixKind.values()) {
            try (PDDocument document = Loader.loadPDF(pdf(context, kind))) {
                float width = document.getPage(0).getMediaBox().getWidth();
                List<TextPosition> outside = new ArrayList<>();
                StringBuilder drawn = new StringBuilder();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) {
                        for (TextPosition p : positions) {
                            drawn.append(p.getUnicode());
                            // the right margin is 18 mm (51 pt); nothing may reach into the last 40 pt
                            if (p.getXDirAdj() + p.getWidthDirAdj() > width - 40 || p.getXDirAdj() < 40) {
                                outside.add(p);
                            }
                        }
                    }
                };
                stripper.getText(document);
                assertThat(outside).as(kind + ": characters outside the text area").isEmpty();
                assertThat(compact(drawn.toString())).contains(RealWorldTexts.LONG_WORD);
            }
        }
    }

    @Test
    void aCharacterNoShippedFontHasIsRefusedWhenEntered() {
        FollowUpRow row = followUp.overview(context).rows().stream()
                .filter(r -> r.editable() && !r.derivedFromFinance()).findFirst().orElseThrow();
        FollowUpRow before = followUp.row(context, row.id());
        // U+1F97A (pleading face, Unicode 11) is newer than the shipped emoji font
        assertThatThrownBy(() -> followUp.save(context, row.id(),
                new FollowUpChange(row.status(), "Snälla 🥺", before.version())))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("input.error.undrawable");
                    assertThat(e.arguments()).containsExactly("Kommentar", "🥺", "U+1F97A", "8");
                });
        assertThat(followUp.row(context, row.id()).comment()).isEqualTo(before.comment());
        Measure first = measures.measures(context).get(0);
        assertThatThrownBy(() -> measures.save(context, new Measure(first.id(), first.number(), "Åtgärd 🥺",
                null, null, null, null, null, null, null))).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).details().get(0).message()).contains("U+1F97A"));
    }

    @Test
    void wordKeepsEveryCharacterInFixedWidthCells() {
        WordContent word = WordContent.of(appendices.generate(context, AppendixKind.BILAGA_2, AppendixFormat.DOCX).content());
        String all = compact(String.join("", word.paragraphs()) + word.document().getTables().stream()
                .map(t -> t.getText()).reduce("", String::concat));
        for (String expected : RealWorldTexts.ALL) {
            assertThat(all).contains(compact(expected));
        }
        // fixed column widths: Word breaks a word longer than its cell inside the cell
        word.document().getTables().forEach(t -> assertThat(t.getCTTbl().getTblPr().getTblLayout().getType().toString())
                .isEqualTo("fixed"));
    }

    public static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return compact(new PDFTextStripper().getText(document));
        }
    }

    public static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }
}
