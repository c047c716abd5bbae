package se.uppfoljning.indicators;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.uppfoljning.indicators.kolada.KoladaClient;
import se.uppfoljning.indicators.kolada.KoladaUnavailableException;
import se.uppfoljning.indicators.kolada.KoladaValue;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Kolada client against recorded v3 answers served locally: paging, nulls, flags, errors, time-outs. */
class KoladaClientTest {

    private static final List<Integer> YEARS = IntStream.rangeClosed(2017, 2026).boxed().toList();

    private final RecordedKolada kolada = new RecordedKolada();
    private final KoladaClient client = new KoladaClient(kolada.baseUrl(), Duration.ofSeconds(2),
            Duration.ofMillis(500));

    @AfterEach
    void stop() {
        kolada.close();
    }

    @Test
    void followsNextUrlToTheLastPageAndKeepsNullsFlagsAndIdsAsStrings() {
        kolada.route("/data/kpi/U07451/municipality/1880/year/", "municipality-page1.json")
                .route("/data/kpi/U07451/municipality/1880/year/2017,2018,2019,2020,2021,2022,2023,2024,2025,2026?page=2",
                        "municipality-page2.json");

        List<KoladaValue> values = client.municipalityValues("U07451", "1880", YEARS);

        assertThat(kolada.requests()).containsExactly(
                "/v3/data/kpi/U07451/municipality/1880/year/2017,2018,2019,2020,2021,2022,2023,2024,2025,2026",
                "/v3/data/kpi/U07451/municipality/1880/year/2017,2018,2019,2020,2021,2022,2023,2024,2025,2026?page=2&per_page=2");
        assertThat(values).containsExactly(
                new KoladaValue("U07451", "1880", 2022, "T", new BigDecimal("71"), null),
                new KoladaValue("U07451", "1880", 2023, "K", null, null),
                new KoladaValue("U07451", "1880", 2023, "M", null, null),
                new KoladaValue("U07451", "1880", 2023, "T", new BigDecimal("73"), null),
                new KoladaValue("U07451", "1880", 2024, "T", new BigDecimal("76.5"), "B"));
    }

    @Test
    void acceptsNextPageAsVersion2CalledIt() {
        kolada.route("/data/kpi/N00001/municipality/1880/year/2023", "next-page-v2-style.json")
                .route("/data/kpi/N00001/municipality/1880/year/2023?page=2", "empty.json");

        assertThat(client.municipalityValues("N00001", "1880", List.of(2023)))
                .containsExactly(new KoladaValue("N00001", "1880", 2023, "T", new BigDecimal("1.25"), null));
        assertThat(kolada.requests()).hasSize(2);
    }

    @Test
    void readsAnOrganisationalUnitsValues() {
        kolada.route("/oudata/kpi/N00001/ou/V15E188000101/year/2023", "ou-data.json");

        assertThat(client.unitValues("N00001", "V15E188000101", List.of(2023)))
                .containsExactly(new KoladaValue("N00001", "V15E188000101", 2023, "T", new BigDecimal("3.45"), null));
    }

    @Test
    void anErrorStatusIsASwedishRefusal() {
        kolada.answer("/data/", q -> new RecordedKolada.Answer(503, "{\"detail\":\"Service Unavailable\"}", 0));

        assertThatThrownBy(() -> client.municipalityValues("U07451", "1880", YEARS))
                .isInstanceOf(KoladaUnavailableException.class)
                .satisfies(e -> {
                    KoladaUnavailableException k = (KoladaUnavailableException) e;
                    assertThat(k.messageKey()).isEqualTo("indicators.kolada.errorStatus");
                    assertThat(k.arguments()).containsExactly("503");
                    assertThat(k.httpStatus()).isEqualTo(502);
                });
    }

    @Test
    void aSlowAnswerEndsAtTheReadTimeOut() {
        kolada.answer("/data/", q -> new RecordedKolada.Answer(200, kolada.resource("empty.json"), 5_000));

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.municipalityValues("U07451", "1880", YEARS))
                .isInstanceOf(KoladaUnavailableException.class)
                .extracting(e -> ((KoladaUnavailableException) e).messageKey())
                .isEqualTo("indicators.kolada.timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anUnreachableAddressIsASwedishRefusal() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        client.setBaseUrl("http://127.0.0.1:" + closedPort + "/v3");

        assertThatThrownBy(() -> client.municipalityValues("U07451", "1880", YEARS))
                .isInstanceOf(KoladaUnavailableException.class)
                .extracting(e -> ((KoladaUnavailableException) e).messageKey())
                .isEqualTo("indicators.kolada.unreachable");
    }

    @Test
    void anAnswerThatIsNotKoladasJsonIsRefused() {
        kolada.answer("/data/", q -> RecordedKolada.Answer.ok("<html>Underhåll</html>"));

        assertThatThrownBy(() -> client.municipalityValues("U07451", "1880", YEARS))
                .isInstanceOf(KoladaUnavailableException.class)
                .extracting(e -> ((KoladaUnavailableException) e).messageKey())
                .isEqualTo("indicators.kolada.invalidAnswer");
    }
}
