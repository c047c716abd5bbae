package se.uppfoljning.publication.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import se.uppfoljning.base.i18n.Messages;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.WebRequest;
import se.uppfoljning.appendix.AppendixFile;
import se.uppfoljning.appendix.AppendixFormat;
import se.uppfoljning.appendix.AppendixKind;
import se.uppfoljning.base.error.NotFoundException;
import se.uppfoljning.publication.PublicIndex;
import se.uppfoljning.publication.PublicReport;
import se.uppfoljning.publication.PublicationService;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * The public pages: server-rendered HTML without the Vaadin client, so they load fast, work without JavaScript, can
 * be cached, and create no session. A decided period's page and documents carry its decided content's hash as ETag.
 */
@Controller
@RequestMapping("/offentlig")
public class PublicPagesController {

    /** Pages may be cached briefly (a committee can be taken off the public pages); documents are immutable. */
    static final CacheControl PAGE_CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final PublicationService publication;
    private final PublicFormat format = new PublicFormat();
    private final ITemplateEngine templates;
    /** Rendered period pages by the decided content's hash (the ETag); bounded. */
    private final Cache<String, String> pages = Caffeine.newBuilder().maximumSize(200).build();

    PublicPagesController(PublicationService publication, ITemplateEngine templates) {
        this.publication = publication;
        this.templates = templates;
    }

    /** The one organisation's start page, or a list when the application serves several. */
    @GetMapping({"", "/"})
    public String organisations(Model model) {
        var organisations = publication.organisations();
        if (organisations.size() == 1) {
            return "redirect:/offentlig/" + organisations.get(0).slug();
        }
        model.addAttribute("organisations", organisations);
        return "offentlig/organisationer";
    }

    /** Any other address below /offentlig: the same 404 page, never the application. */
    @GetMapping("/**")
    public String unknown() {
        throw new NotFoundException("public.error.notFound");
    }

    @GetMapping("/{organisation}")
    public String index(@PathVariable String organisation, HttpServletResponse response, Model model) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, PAGE_CACHE.getHeaderValue());
        PublicIndex index = publication.index(organisation);
        model.addAttribute("index", index);
        model.addAttribute("fmt", format);
        return "offentlig/index";
    }

    @GetMapping(value = "/{organisation}/{committee}/{period}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> period(@PathVariable String organisation, @PathVariable String committee,
                                         @PathVariable String period, WebRequest request,
                                         HttpServletRequest servletRequest, HttpServletResponse response) {
        PublicReport report = publication.report(organisation, committee, period);
        String etag = '"' + report.etag() + '"';
        if (request.checkNotModified(etag)) {
            return null;
        }
        // a decided report never changes while it stays decided and public (checked above on every request), so its
        // page is rendered once per decided content
        String html = pages.get(report.etag(), key -> {
            Map<String, Object> model = new HashMap<>();
            model.put("report", report);
            model.put("total", report.progress().stream().filter(p -> p.areaName() == null).findFirst().orElseThrow());
            model.put("areaProgress", report.progress().stream().filter(p -> p.areaName() != null).toList());
            model.put("fmt", format);
            var exchange = JakartaServletWebApplication.buildApplication(servletRequest.getServletContext())
                    .buildExchange(servletRequest, response);
            return templates.process("offentlig/period", new WebContext(exchange, Messages.SWEDISH, model));
        });
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .cacheControl(PAGE_CACHE).eTag(etag).body(html);
    }

    /** "bilaga-2.pdf", "bilaga-1.docx": the document stored at the decision, byte for byte. */
    @GetMapping("/{organisation}/{committee}/{period}/{kind:bilaga-[12]}.{extension:pdf|docx}")
    public ResponseEntity<byte[]> document(@PathVariable String organisation, @PathVariable String committee,
                                           @PathVariable String period, @PathVariable String kind,
                                           @PathVariable String extension, WebRequest request) {
        AppendixKind appendixKind = AppendixKind.ofSlug(kind).orElseThrow(() -> new NotFoundException("public.error.notFound"));
        AppendixFormat appendixFormat = Arrays.stream(AppendixFormat.values())
                .filter(f -> f.extension().equals(extension)).findFirst()
                .orElseThrow(() -> new NotFoundException("public.error.notFound"));
        AppendixFile file = publication.document(organisation, committee, period, appendixKind, appendixFormat);
        String etag = '"' + file.sha256() + '"';
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .eTag(etag)
                .cacheControl(PAGE_CACHE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("Digest", "sha-256=" + Base64.getEncoder()
                        .encodeToString(HexFormat.of().parseHex(file.sha256())))
                .body(file.content());
    }

    /** The accessibility statement the Swedish law on accessible digital public services (DOS-lagen) requires. */
    @GetMapping("/tillganglighet")
    public String accessibility(Model model) {
        model.addAttribute("fmt", format);
        return "offentlig/tillganglighet";
    }

    @GetMapping("/stil.css")
    public ResponseEntity<Resource> stylesheet() {
        return ResponseEntity.ok().contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(new ClassPathResource("templates/offentlig/stil.css"));
    }
}
