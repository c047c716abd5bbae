package se.uppfoljning.appendix.api;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljning.appendix.AppendixFile;
import se.uppfoljning.appendix.AppendixFormat;
import se.uppfoljning.appendix.AppendixKind;
import se.uppfoljning.appendix.AppendixService;

import java.nio.charset.StandardCharsets;

/**
 * Bilaga 1 and 2 as Word or PDF for any signed-in member of the committee. The ETag is the content's SHA-256:
 * unchanged data gives the same bytes and so the same tag.
 */
@RestController
@RequestMapping("/api/v1/committees/{committee}/periods/{period}/appendices")
public class AppendixApiController {

    private final AppendixService appendices;

    AppendixApiController(AppendixService appendices) {
        this.appendices = appendices;
    }

    @GetMapping("/bilaga-1.docx")
    public ResponseEntity<byte[]> bilaga1Docx(@PathVariable String committee, @PathVariable String period) {
        return file(appendices.generate(committee, period, AppendixKind.BILAGA_1, AppendixFormat.DOCX));
    }

    @GetMapping("/bilaga-1.pdf")
    public ResponseEntity<byte[]> bilaga1Pdf(@PathVariable String committee, @PathVariable String period) {
        return file(appendices.generate(committee, period, AppendixKind.BILAGA_1, AppendixFormat.PDF));
    }

    @GetMapping("/bilaga-2.docx")
    public ResponseEntity<byte[]> bilaga2Docx(@PathVariable String committee, @PathVariable String period) {
        return file(appendices.generate(committee, period, AppendixKind.BILAGA_2, AppendixFormat.DOCX));
    }

    @GetMapping("/bilaga-2.pdf")
    public ResponseEntity<byte[]> bilaga2Pdf(@PathVariable String committee, @PathVariable String period) {
        return file(appendices.generate(committee, period, AppendixKind.BILAGA_2, AppendixFormat.PDF));
    }

    private static ResponseEntity<byte[]> file(AppendixFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .eTag("\"" + file.sha256() + "\"")
                .contentLength(file.content().length)
                .body(file.content());
    }
}
