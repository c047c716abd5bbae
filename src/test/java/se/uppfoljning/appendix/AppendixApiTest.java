package se.uppfoljning.appendix;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.SeedReport;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** GET …/appendices/bilaga-{1,2}.{docx,pdf}: any signed-in member; 404 for an unknown committee or period. */
class AppendixApiTest extends AbstractIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @org.junit.jupiter.api.BeforeEach
    void setUp() {
        testData.reset();
    }

    private String url(String committee, String period, String file) {
        return "http://localhost:" + port + "/api/v1/committees/" + committee + "/periods/" + period + "/appendices/" + file;
    }

    @Test
    void everyRoleDownloadsEachAppendixInEachFormat() {
        for (String user : new String[]{"politiker", "tjansteperson", "sekretariat", "controller", "admin"}) {
            for (String file : new String[]{"bilaga-1.docx", "bilaga-1.pdf", "bilaga-2.docx", "bilaga-2.pdf"}) {
                ResponseEntity<byte[]> response = rest.withBasicAuth(user, "demo")
                        .getForEntity(url("ks", "2024-dr1", file), byte[].class);
                assertThat(response.getStatusCode()).as(user + " " + file).isEqualTo(HttpStatus.OK);
                assertThat(response.getBody()).isNotEmpty();
                assertThat(response.getHeaders().getContentType().toString())
                        .isEqualTo(file.endsWith(".pdf") ? "application/pdf"
                                : "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                assertThat(response.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
                assertThat(response.getHeaders().getETag()).isNotBlank();
            }
        }
    }

    @Test
    void bilaga2DocxOverTheApiHasTheSeedsRowsAndAStableETag() {
        ResponseEntity<byte[]> first = rest.withBasicAuth("politiker", "demo")
                .getForEntity(url("ks", "2024-dr1", "bilaga-2.docx"), byte[].class);
        ResponseEntity<byte[]> second = rest.withBasicAuth("politiker", "demo")
                .getForEntity(url("ks", "2024-dr1", "bilaga-2.docx"), byte[].class);
        assertThat(WordContent.of(first.getBody()).rows()).containsExactlyElementsOf(SeedReport.bilaga2Rows());
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(second.getHeaders().getETag()).isEqualTo(first.getHeaders().getETag());
        assertThat(first.getHeaders().getContentDisposition().getFilename()).isEqualTo(
                "Bilaga 2 Uppföljning av strategiska mål och uppdrag - Kommunstyrelsen - Delårsrapport med prognos 1 2024.docx");
        assertThat(first.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("filename*=UTF-8''");
    }

    @Test
    void unknownCommitteeOrPeriodIs404AndNoSignInIs401() {
        ResponseEntity<String> period = rest.withBasicAuth("politiker", "demo")
                .getForEntity(url("ks", "2099-dr9", "bilaga-2.docx"), String.class);
        assertThat(period.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(period.getBody()).contains("\"error\"").contains("2099-dr9");
        ResponseEntity<String> committee = rest.withBasicAuth("politiker", "demo")
                .getForEntity(url("okand", "2024-dr1", "bilaga-1.pdf"), String.class);
        assertThat(committee.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> anonymous = rest.getForEntity(url("ks", "2024-dr1", "bilaga-2.pdf"), String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(new String(anonymous.getBody().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).contains("error");
    }
}
