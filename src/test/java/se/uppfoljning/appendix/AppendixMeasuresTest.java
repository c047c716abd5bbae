package se.uppfoljning.appendix;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.measures.Measure;
import se.uppfoljning.measures.MeasureService;
import se.uppfoljning.measures.Mnkr;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The secretariat adds and edits Bilaga 1's measures; the next download shows them. */
class AppendixMeasuresTest extends AbstractIntegrationTest {

    @Autowired
    MeasureService measures;
    @Autowired
    AppendixService appendices;
    @Autowired
    PeriodService periods;
    @Autowired
    se.uppfoljning.audit.AuditService audit;

    CommitteeContext context;

    @BeforeEach
    void setUp() {
        testData.reset();
        testData.copyDr1FiguresAndMeasuresToDr2();
        signIn("sekretariat");
        context = periods.context("ks", "2024-dr2");
    }

    @Test
    void mnkrIsPrintedAsTheSeedPrintsIt() {
        assertThat(Mnkr.format(5_800_000L)).isEqualTo("5,8 mnkr");
        assertThat(Mnkr.format(5_000_000L)).isEqualTo("5 mnkr");
        assertThat(Mnkr.format(2_200_000L)).isEqualTo("2,2 mnkr");
        assertThat(Mnkr.format(null)).isEmpty();
        assertThat(Mnkr.format(-1_250_000L)).isEqualTo("-1,3 mnkr");
        // grouped as every amount of the documents ("-49 017"), through SwedishFormat
        assertThat(Mnkr.format(1_234_500_000L)).isEqualTo("1 234,5 mnkr");
        assertThat(Mnkr.toKronor(new BigDecimal("5.8"))).isEqualTo(5_800_000L);
    }

    @Test
    void secretariatAddsAndEditsAMeasureAndBilaga1ShowsIt() {
        Measure created = measures.create(context, new Measure(0, 0, "  Minskade lokalkostnader  ", "KS 2024-04-09",
                "Ks 99/2024", 1_500_000L, 3_000_000L, null, "Lägre hyror.", "Avtal uppsagt."));
        assertThat(created.number()).isEqualTo(5);
        assertThat(created.description()).isEqualTo("Minskade lokalkostnader");

        Measure first = measures.measures(context).get(0);
        measures.save(context, new Measure(first.id(), first.number(), first.description(), first.decision(),
                first.diaryNumber(), first.forecastEffect(), first.totalEffect(), first.achievedEffect(),
                first.expectedEffect(), "Ändrad kommentar."));

        WordContent word = WordContent.of(appendices.generate(context, AppendixKind.BILAGA_1, AppendixFormat.DOCX).content());
        assertThat(word.tables()).hasSize(5);
        assertThat(word.tables().get(0).get(2)).containsExactly("Kommentar:", "Ändrad kommentar.");
        assertThat(word.tables().get(4).get(0).get(0)).isEqualTo("Åtgärd 5");
        assertThat(word.tables().get(4).get(1)).containsExactly("Minskade lokalkostnader", "KS 2024-04-09", "Ks 99/2024",
                "1,5 mnkr", "3 mnkr", "", "Lägre hyror.");
    }

    @Test
    void aMeasureNeedsADescriptionAndOnlyTheSecretariatWrites() {
        assertThatThrownBy(() -> measures.create(context, new Measure(0, 0, " ", null, null, null, null, null, null, null)))
                .isInstanceOf(ValidationException.class);
        signIn("politiker");
        Measure any = new Measure(0, 0, "Något", null, null, null, null, null, null, null);
        assertThatThrownBy(() -> measures.create(context, any)).isInstanceOf(AccessDeniedException.class);
        assertThat(measures.measures(context)).extracting(Measure::number).isEqualTo(List.of(1, 2, 3, 4));
        // nor may an official of another committee
        signIn("kultur");
        assertThatThrownBy(() -> measures.create(context, any)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void everyChangeOfAMeasureIsInTheAuditLog() {
        measures.create(context, new Measure(0, 0, "Översyn av licenser", null, null, 100_000L, null, null, null, null));
        assertThat(audit.search(se.uppfoljning.audit.AuditQuery.all())).anyMatch(e ->
                e.action().equals(se.uppfoljning.audit.AuditActions.MEASURES_CHANGED) && e.username().equals("sekretariat")
                        && e.subject().equals("Åtgärd 5") && e.details().contains("Översyn av licenser"));
    }
}
