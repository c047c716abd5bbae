package se.uppfoljning.appendix;

import org.junit.jupiter.api.Test;
import se.uppfoljning.appendix.internal.DocxRenderer;
import se.uppfoljning.appendix.internal.PdfRenderer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

class RenderProbeBenchmark {

    static AppendixDocument document(int rows) {
        List<AppendixDocument.Block> blocks = new ArrayList<>();
        blocks.add(new AppendixDocument.Heading(1, "Bilaga 2: Uppföljning av strategiska mål och uppdrag"));
        int r = 0;
        String comment = "Arbetet fortgår enligt plan och bedöms ge effekt under året. Uppföljning sker löpande i "
                + "ledningsgruppen och avstäms med berörda förvaltningar; eventuella avvikelser rapporteras i nästa delår.";
        while (r < rows) {
            if (r % 100 == 0) blocks.add(new AppendixDocument.Heading(2, "Område " + r));
            blocks.add(new AppendixDocument.Heading(3, "Strategiskt mål " + r + ": text"));
            List<List<String>> body = new ArrayList<>();
            for (int i = 0; i < 25 && r < rows; i++, r++) {
                body.add(List.of("Nämndmål " + r + ": andelen nöjda invånare i kommunens verksamheter ska öka", "Uppfylls delvis", comment));
            }
            blocks.add(new AppendixDocument.Table(List.of(new AppendixDocument.Column("Nämndmål", 38),
                    new AppendixDocument.Column("Prognos måluppfyllelse", 17), new AppendixDocument.Column("Kommentar", 45)), body));
        }
        return new AppendixDocument("Bilaga 2", "Nämnden", "Delår 1", LocalDate.of(2024, 3, 31), "Sida {0} av {1}", blocks);
    }

    @Test
    void probe() {
        for (int rows : new int[]{100, 1000}) {
            AppendixDocument d = document(rows);
            for (int i = 0; i < 4; i++) {
                long t = System.nanoTime();
                int n = PdfRenderer.render(d).length;
                long t2 = System.nanoTime();
                int m = DocxRenderer.render(d).length;
                long t3 = System.nanoTime();
                System.out.printf("[probe] rows=%d pdf %d ms (%d KB) docx %d ms (%d KB)%n", rows, (t2 - t) / 1_000_000, n / 1024,
                        (t3 - t2) / 1_000_000, m / 1024);
            }
        }
    }
}
