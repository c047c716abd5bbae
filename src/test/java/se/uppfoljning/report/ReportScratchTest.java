package se.uppfoljning.report;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.AbstractIntegrationTest;
import se.uppfoljning.appendix.AppendixFormat;
import se.uppfoljning.organisation.OrganisationService;

import java.nio.file.Files;
import java.nio.file.Path;

class ReportScratchTest extends AbstractIntegrationTest {
    @Autowired ReportService reports;
    @Autowired OrganisationService organisation;

    @Test
    void scratch() throws Exception {
        signIn("sekretariat");
        var ctx = organisation.context("ks", "2024-dr1");
        Files.createDirectories(Path.of("target/report"));
        for (AppendixFormat f : AppendixFormat.values()) {
            var file = reports.generate(ctx, f);
            Files.write(Path.of("target/report/" + file.fileName()), file.content());
            System.out.println("SCRATCH " + file.fileName() + " " + file.sha256() + " " + reports.storedSha256(ctx, f));
        }
        Files.writeString(Path.of("target/report/preview.html"), reports.previewHtml(ctx));
        System.out.println("SCRATCH dr2 sections " + reports.sections(organisation.context("ks", "2024-dr2")).size());
    }
}
