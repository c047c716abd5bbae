package se.uppfoljning.indicators;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.base.error.ConflictException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.imports.TabularFile;
import se.uppfoljning.followup.FollowUpChange;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.followup.HistoryEntry;
import se.uppfoljning.followup.spreadsheet.FollowUpWorkbookService;
import se.uppfoljning.indicators.kolada.KoladaClient;
import se.uppfoljning.indicators.kolada.KoladaUnavailableException;
import se.uppfoljning.notifications.NotificationService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 15's "done when", as a new user would try it, against the demo and recorded Kolada answers. */
class IndicatorScenarioTest extends AbstractIntegrationTest {

    @Autowired
    IndicatorService indicators;
    @Autowired
    FollowUpService followUp;
    @Autowired
    PeriodService periods;
    @Autowired
    KoladaClient koladaClient;
    @Autowired
    NotificationService notifications;
    @Autowired
    Messages messages;
    @Autowired
    FollowUpWorkbookService workbooks;

    private RecordedKolada kolada;
    private long item141;

    @BeforeEach
    void setUp() {
        testData.reset();
        kolada = RecordedKolada.servingFor(koladaClient);
        item141 = testData.ksItemId("14.1");
        testData.addNaringslivOfficial();
    }

    @AfterEach
    void tearDown() {
        kolada.close();
        signOut();
    }


    @Test
    void theDemoCarriesTheSeedsTargetsAsDataWithoutMeasuredValues() {
        signIn("politiker");
        assertThat(indicators.detail("ks", item141).target()).get()
                .satisfies(t -> {
                    assertThat(t.kind()).isEqualTo(TargetKind.AT_LEAST);
                    assertThat(t.value()).isEqualByComparingTo("75");
                    assertThat(t.printed()).isEqualTo("minst 75 NKI");
                    assertThat(t.linkedToKolada()).isFalse();
                });
        assertThat(indicators.detail("ks", testData.ksItemId("14.2")).target().orElseThrow().value()).isEqualByComparingTo("3.45");
        assertThat(indicators.detail("ks", testData.ksItemId("16.3")).target().orElseThrow().kind()).isEqualTo(TargetKind.DECREASE);
        assertThat(indicators.statuses("ks")).hasSize(8)
                .allSatisfy((id, s) -> assertThat(s.latestValue()).isNull());
        assertThat(indicators.detail("ks", item141).proposal().outcome()).isEqualTo(Proposal.Outcome.NO_VALUE);
        assertThat(indicators.detail("ks", item141).proposal().calculation()).contains("Inget uppmätt värde");
    }

    @Test
    void anOfficialEntersValuesSeesTheProposalAndDecidesOtherwise() {
        signIn("naringsliv");
        indicators.saveValue("ks", item141, new ValueChange(2023, "T", new BigDecimal("73"), false, 0));
        IndicatorDetail detail = indicators.saveValue("ks", item141,
                new ValueChange(2024, "T", new BigDecimal("76"), true, 0));

        assertThat(detail.proposal().outcome()).isEqualTo(Proposal.Outcome.MET);
        assertThat(detail.proposal().status()).isEqualTo("Uppfylls");
        assertThat(detail.proposal().calculation())
                .isEqualTo("Senaste värde 76 (2024, preliminärt) ≥ målvärdet minst 75 NKI → förslag: Uppfylls");

        CommitteeContext dr2 = periods.context("ks", "2024-dr2");
        int version = followUp.row(dr2, item141).version();
        followUp.save(dr2, item141, new FollowUpChange("Uppfylls delvis", "Osäker enkät i år.", version));

        assertThat(followUp.row(dr2, item141).status()).isEqualTo("Uppfylls delvis");
        assertThat(indicators.detail("ks", item141).proposal().status()).isEqualTo("Uppfylls");
        assertThat(followUp.history(dr2, item141)).extracting(HistoryEntry::newStatus).contains("Uppfylls delvis");
        assertThat(indicators.detail("ks", item141).history())
                .extracting(ValueHistoryEntry::year, h -> h.newValue().toPlainString(), ValueHistoryEntry::newPreliminary,
                        ValueHistoryEntry::changedBy)
                .containsExactly(
                        Tuple.tuple(2024, "76", true, "naringsliv"),
                        Tuple.tuple(2023, "73", false, "naringsliv"));

        // a correction keeps the old value in the history
        indicators.saveValue("ks", item141, new ValueChange(2024, "T", new BigDecimal("74"), false, 1));
        assertThat(indicators.detail("ks", item141).history().get(0))
                .satisfies(h -> {
                    assertThat(h.oldValue()).isEqualByComparingTo("76");
                    assertThat(h.newValue()).isEqualByComparingTo("74");
                    assertThat(h.oldPreliminary()).isTrue();
                });
        assertThat(indicators.detail("ks", item141).proposal().status()).isEqualTo("Uppfylls ej");
    }

    @Test
    void proposalsFollowTheTargetKind() {
        signIn("sekretariat");
        long item21 = testData.ksItemId("2.1"); // minst 78
        indicators.saveValue("ks", item21, new ValueChange(2024, "T", new BigDecimal("76"), false, 0));
        assertThat(indicators.detail("ks", item21).proposal())
                .satisfies(p -> {
                    assertThat(p.status()).isEqualTo("Uppfylls ej");
                    assertThat(p.calculation()).isEqualTo("Senaste värde 76 (2024) < målvärdet minst 78 HME-värde → förslag: Uppfylls ej");
                });

        long item151 = testData.ksItemId("15.1"); // öka
        indicators.saveValue("ks", item151, new ValueChange(2023, "T", new BigDecimal("12,5".replace(',', '.')), false, 0));
        assertThat(indicators.detail("ks", item151).proposal().outcome()).isEqualTo(Proposal.Outcome.NO_COMPARISON);
        indicators.saveValue("ks", item151, new ValueChange(2024, "T", new BigDecimal("13.1"), false, 0));
        assertThat(indicators.detail("ks", item151).proposal())
                .satisfies(p -> {
                    assertThat(p.status()).isEqualTo("Uppfylls");
                    assertThat(p.calculation()).isEqualTo("Senaste värde 13,1 (2024) > 12,5 (2023), målvärde öka → förslag: Uppfylls");
                });

        long item163 = testData.ksItemId("16.3"); // minska; a rise misses it
        indicators.saveValue("ks", item163, new ValueChange(2023, "T", new BigDecimal("100"), false, 0));
        indicators.saveValue("ks", item163, new ValueChange(2024, "T", new BigDecimal("101"), false, 0));
        assertThat(indicators.detail("ks", item163).proposal().status()).isEqualTo("Uppfylls ej");
        assertThat(indicators.statuses("ks").get(item163).missesTarget()).isTrue();
        assertThat(indicators.statuses("ks").get(item151).missesTarget()).isFalse();
    }

    @Test
    void badInputAndStaleVersionsAreRefusedAndChangeNothing() {
        signIn("naringsliv");
        indicators.saveValue("ks", item141, new ValueChange(2023, "T", new BigDecimal("73"), false, 0));
        assertThatThrownBy(() -> indicators.saveValue("ks", item141,
                new ValueChange(2023, "T", new BigDecimal("80"), false, 0)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> indicators.saveValue("ks", item141,
                new ValueChange(1800, "T", new BigDecimal("80"), false, 0)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> indicators.saveValue("ks", item141,
                new ValueChange(2023, "X", new BigDecimal("80"), false, 1)))
                .isInstanceOf(ValidationException.class);
        assertThat(indicators.detail("ks", item141).values()).singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualByComparingTo("73"));

        // another department's official, and a politician, may not enter values; an official may not set targets
        signIn("tjansteperson");
        assertThatThrownBy(() -> indicators.saveValue("ks", item141,
                new ValueChange(2024, "T", BigDecimal.ONE, false, 0))).isInstanceOf(AccessDeniedException.class);
        signIn("politiker");
        assertThatThrownBy(() -> indicators.saveValue("ks", item141,
                new ValueChange(2024, "T", BigDecimal.ONE, false, 0))).isInstanceOf(AccessDeniedException.class);
        signIn("naringsliv");
        assertThatThrownBy(() -> indicators.setTarget("ks", item141,
                new TargetChange("minst", BigDecimal.TEN, null, null, null, null, null, 1)))
                .isInstanceOf(AccessDeniedException.class);
        signIn("sekretariat");
        assertThatThrownBy(() -> indicators.setTarget("ks", item141,
                new TargetChange("minst", null, null, null, null, null, null, 1)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> indicators.setTarget("ks", item141,
                new TargetChange("minst", BigDecimal.TEN, null, null, "U07451", null, null, 1)))
                .isInstanceOf(ValidationException.class);
        assertThat(indicators.detail("ks", item141).target().orElseThrow().value()).isEqualByComparingTo("75");
    }

    private void linkToKolada(long itemId) {
        signIn("sekretariat");
        IndicatorTarget t = indicators.detail("ks", itemId).target().orElseThrow();
        indicators.setTarget("ks", itemId, new TargetChange(t.kind().word(), t.value(), t.unit(), null, "U07451",
                "1880", null, t.version()));
    }

    @Test
    void fetchingFromKoladaFillsTheLinkedIndicatorAndARevisionKeepsTheOldValueAndTellsTheOwner() {
        linkToKolada(item141);
        kolada.route("/data/kpi/U07451/municipality/1880/year/", "municipality-page1.json")
                .route("/data/kpi/U07451/municipality/1880/year/2017,2018,2019,2020,2021,2022,2023,2024,2025,2026?page=2",
                        "municipality-page2.json");

        KoladaRefresh first = indicators.refreshCommittee("ks");

        assertThat(first.indicators()).isEqualTo(1);
        assertThat(first.added()).isEqualTo(3); // 2022, 2023 and 2024 in total; Kolada's nulls are not stored
        assertThat(first.revised()).isZero();
        IndicatorDetail filled = indicators.detail("ks", item141);
        assertThat(filled.values()).extracting(MeasuredValue::year, v -> v.value().toPlainString(), MeasuredValue::source,
                        MeasuredValue::sourceRef, MeasuredValue::flag)
                .containsExactly(Tuple.tuple(2022, "71", ValueSource.KOLADA, "U07451", null),
                        Tuple.tuple(2023, "73", ValueSource.KOLADA, "U07451", null),
                        Tuple.tuple(2024, "76.5", ValueSource.KOLADA, "U07451", "B"));
        assertThat(filled.values()).allSatisfy(v -> assertThat(v.fetchedAt()).isNotNull());
        assertThat(filled.fromKolada()).isTrue();
        assertThat(messages.get("indicators.source.kolada")).isEqualTo("Källa: Kolada");
        // the follow-up spreadsheet carries the latest value and the target, credited
        var export = workbooks.export(periods.context("ks", "2024-dr2"));
        var sheet = TabularFile.read(export.fileName(), export.content(), 50 << 20);
        var row = sheet.rows().stream().filter(r -> r.get("nummer").equals("14.1")).findFirst().orElseThrow();
        assertThat(row.get("senaste värde")).isEqualTo("76.5"); // a number cell, as the reader gives it
        assertThat(row.get("år (värde)")).isEqualTo("2024");
        assertThat(row.get("målvärde")).isEqualTo("minst 75 NKI");
        assertThat(row.get("källa (värde)")).isEqualTo("Källa: Kolada");
        assertThat(sheet.rows().stream().filter(r -> r.get("nummer").equals("14.2")).findFirst().orElseThrow()
                .get("senaste värde")).isEmpty();

        kolada.clearRoutes();
        kolada.route("/data/kpi/U07451/municipality/1880/year/", "municipality-revised.json");
        KoladaRefresh second = indicators.refreshCommittee("ks");

        assertThat(second.revised()).isEqualTo(1);
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(second.changes()).singleElement().satisfies(c -> {
            assertThat(c.number()).isEqualTo("14.1");
            assertThat(c.year()).isEqualTo(2023);
            assertThat(c.oldValue()).isEqualByComparingTo("73");
            assertThat(c.newValue()).isEqualByComparingTo("74");
        });
        assertThat(indicators.detail("ks", item141).history().get(0)).satisfies(h -> {
            assertThat(h.year()).isEqualTo(2023);
            assertThat(h.oldValue()).isEqualByComparingTo("73");
            assertThat(h.newValue()).isEqualByComparingTo("74");
            assertThat(h.source()).isEqualTo(ValueSource.KOLADA);
        });

        signIn("naringsliv");
        assertThat(notifications.mine(10)).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("Kolada har ändrat värden för 14.1");
            assertThat(n.body()).contains("2023 (totalt): 73 → 74").contains("Källa: Kolada");
        });
    }

    @Test
    void anUnreachableKoladaEndsWithinTheTimeOutWithASwedishMessageAndChangesNothing() throws Exception {
        linkToKolada(item141);
        indicators.saveValue("ks", item141, new ValueChange(2023, "T", new BigDecimal("73"), false, 0));
        List<MeasuredValue> before = indicators.detail("ks", item141).values();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        koladaClient.setBaseUrl("http://127.0.0.1:" + closedPort + "/v3");

        long started = System.nanoTime();
        assertThatThrownBy(() -> indicators.refreshCommittee("ks"))
                .isInstanceOf(KoladaUnavailableException.class)
                .satisfies(e -> assertThat(messages.get(((KoladaUnavailableException) e).messageKey(),
                        ((KoladaUnavailableException) e).arguments()))
                        .startsWith("Kolada (http://127.0.0.1:" + closedPort + "/v3) kunde inte nås.")
                        .endsWith("ingenting har ändrats."));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(indicators.detail("ks", item141).values()).isEqualTo(before);
    }
}
