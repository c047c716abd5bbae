package se.uppfoljning.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.appendix.AppendixDocument;
import se.uppfoljning.appendix.AppendixDocument.Block;
import se.uppfoljning.appendix.AppendixFile;
import se.uppfoljning.appendix.AppendixFormat;
import se.uppfoljning.appendix.AppendixKind;
import se.uppfoljning.appendix.AppendixService;
import se.uppfoljning.appendix.DocumentRenderers;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.concurrent.DocumentExecutorConfiguration;
import se.uppfoljning.base.error.ConflictException;
import se.uppfoljning.base.error.LockedException;
import se.uppfoljning.base.error.NotFoundException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CommitteeAccess;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.base.security.Right;
import se.uppfoljning.base.text.InputText;
import se.uppfoljning.finance.FinanceColumns;
import se.uppfoljning.finance.FinanceCut;
import se.uppfoljning.finance.FinanceService;
import se.uppfoljning.finance.FinanceTable;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.report.internal.MarkdownBlocks;
import se.uppfoljning.report.internal.ReportRepository;
import se.uppfoljning.report.internal.ReportTables;
import se.uppfoljning.users.UserService;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The whole report of a committee's period: its outline of sections (Markdown text or blocks generated from the
 * figures), their editing with history and optimistic locking, and the document – title page, contents, sections,
 * Bilaga 1 and 2 – as Word, PDF (PDF/UA-1 and PDF/A-2a) or the HTML preview. Deciding a period stores the report
 * ({@link #storeDecided}); a decided period always serves the stored files. The database locks a decided period's
 * sections (db-migrations/100-report.sql).
 */
@Service
@Transactional(readOnly = true)
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);
    /** Audit actions (labels "audit.action.report.*" in the bundle). */
    public static final String SECTION_SAVED = "report.sectionSaved";
    public static final String IMPORTED = "report.imported";
    public static final String SECTION_ADDED = "report.sectionAdded";
    public static final String SECTION_REMOVED = "report.sectionRemoved";
    public static final String SECTION_MOVED = "report.sectionMoved";

    private final ReportRepository repository;
    private final PeriodService periods;
    private final FinanceService finance;
    private final AppendixService appendices;
    private final AuditService audit;
    private final Messages messages;
    private final Clock clock;
    private final UserService users;
    private final Executor executor;

    ReportService(ReportRepository repository, PeriodService periods, FinanceService finance,
                  AppendixService appendices, AuditService audit, Messages messages, Clock clock,
                  UserService users, @Qualifier(DocumentExecutorConfiguration.EXECUTOR) Executor executor) {
        this.users = users;
        this.executor = executor;
        this.repository = repository;
        this.periods = periods;
        this.finance = finance;
        this.appendices = appendices;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** The outline of the period, in order (any member of the committee). */
    @PreAuthorize("@committeeAccess.member(#context)")
    public List<ReportSection> sections(CommitteeContext context) {
        return repository.sections(context.period().id());
    }

    @PreAuthorize("@committeeAccess.member(#committeeSlug)")
    public List<ReportSection> sections(String committeeSlug, String periodSlug) {
        // the context is resolved here, so the committee rule is checked here (the call below is no proxy call)
        CommitteeContext context = periods.context(committeeSlug, periodSlug);
        return sections(context);
    }

    /** One section; unknown → 404. */
    @PreAuthorize("@committeeAccess.member(#context)")
    public ReportSection section(CommitteeContext context, long sectionId) {
        return repository.section(context.period().id(), sectionId)
                .orElseThrow(() -> new NotFoundException("report.error.sectionNotFound", sectionId));
    }

    /** Newest first. */
    @PreAuthorize("@committeeAccess.member(#context)")
    public List<SectionHistoryEntry> history(CommitteeContext context, long sectionId) {
        section(context, sectionId);
        return repository.history(context.period().id(), sectionId);
    }

    /** What the current user may do with the period's report as a whole (for the view: it never asks for roles). */
    @PreAuthorize("@committeeAccess.member(#context)")
    public ReportRights rights(CommitteeContext context) {
        return new ReportRights(!context.period().isLocked()
                && CommitteeAccess.holds(context.committee().id(), Right.WORK_ON_REPORT));
    }

    /** Whether the current user may write the section: the secretariat, an administrator, or an editor it names. */
    @PreAuthorize("@committeeAccess.member(#context)")
    public boolean maySave(CommitteeContext context, ReportSection section) {
        AppUserPrincipal user = CurrentUser.get();
        long committee = context.committee().id();
        // a named editor is a member: the rule above has checked it
        return !context.period().isLocked() && (CommitteeAccess.holds(committee, Right.WORK_ON_REPORT)
                || section.editors().contains(user.username()));
    }

    /**
     * Saves a section's text (Markdown; for an amounts block its table) and state, if nobody saved since
     * {@code expectedVersion}. Errors: 423 decided period ({@link LockedException}), 409 stale version
     * ({@link ConflictException}, nothing changed: the caller keeps the typed text), 400 bad text, 403 not allowed.
     * Confirming is for the secretariat; an editor's save makes the section WRITTEN.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.member(#context)")
    public ReportSection save(CommitteeContext context, long sectionId, int expectedVersion, String body,
                              SectionState state) {
        ReportSection section = section(context, sectionId);
        if (context.period().isLocked()) {
            throw new LockedException("report.error.locked", context.period().name());
        }
        if (!maySave(context, section)) {
            throw new AccessDeniedException("not an editor of report section " + sectionId);
        }
        AppUserPrincipal user = CurrentUser.get();
        boolean secretariat = CommitteeAccess.holds(context.committee().id(), Right.WORK_ON_REPORT);
        SectionState newState = state == null ? SectionState.WRITTEN : state;
        if (newState == SectionState.CONFIRMED && !secretariat) {
            throw new AccessDeniedException("only the secretariat confirms report sections");
        }
        String clean = InputText.clean(messages.get("report.view.text"), body == null ? "" : body);
        if (clean.length() > 200_000) {
            throw new ValidationException("report.error.tooLong");
        }
        if (section.blockType() == BlockType.AMOUNTS) {
            validateAmounts(clean);
        }
        if (section.version() != expectedVersion
                || !repository.update(context.period().id(), section, expectedVersion, clean, newState, user.username(),
                now())) {
            throw new ConflictException("report.error.stale", section.title().isBlank()
                    ? messages.get("report.view.untitled") : section.title(), section.changedBy());
        }
        audit.record(context.committee().id(), SECTION_SAVED, context.period().name(),
                (section.title().isBlank() ? "#" + section.sortOrder() : section.title()) + ": " + newState);
        return section(context, sectionId);
    }

    private void validateAmounts(String body) {
        try {
            ReportTables.amounts(MarkdownBlocks.table(body));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ValidationException("report.error.amounts", e.getMessage());
        }
    }

    /** Names the users (besides the secretariat) who may write a section (secretariat or admin). */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#context, 'WORK_ON_REPORT')")
    public ReportSection setEditors(CommitteeContext context, long sectionId, List<String> usernames) {
        section(context, sectionId);
        if (context.period().isLocked()) {
            throw new LockedException("report.error.locked", context.period().name());
        }
        List<String> names = usernames.stream().map(String::strip).filter(u -> !u.isEmpty()).distinct().toList();
        List<String> unknown = names.stream().filter(u -> !userExists(u)).toList();
        if (!unknown.isEmpty()) {
            throw new ValidationException("report.error.unknownUser", String.join(", ", unknown));
        }
        repository.setEditors(context.period().id(), sectionId, names);
        return section(context, sectionId);
    }

    private boolean userExists(String username) {
        try {
            users.loadUserByUsername(username);
            return true;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    /**
     * Replaces the outline of an open period by these sections, as drafts (the import; see {@link ReportImportService}).
     * Secretariat or admin. Earlier sections of the period and their history are removed.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#context, 'WORK_ON_REPORT')")
    public int replaceOutline(CommitteeContext context, List<NewSection> sections, SectionState state) {
        AppUserPrincipal user = CurrentUser.get();
        if (context.period().isLocked()) {
            throw new LockedException("report.error.locked", context.period().name());
        }
        for (NewSection s : sections) {
            if (s.block() != null && BlockType.fromFile(s.block().strip().split("\\s+")[0]).orElse(null) == BlockType.AMOUNTS) {
                validateAmounts(s.body());
            }
        }
        repository.deleteOutline(context.period().id());
        OffsetDateTime now = now();
        int order = 0;
        for (NewSection s : sections) {
            repository.insert(context.period().id(), ++order * 10, s, state, user.username(), now);
        }
        audit.record(context.committee().id(), IMPORTED, context.period().name(), sections.size() + " avsnitt");
        return sections.size();
    }

    /**
     * Adds a text section (a draft, empty body) right after {@code afterSectionId}, or first when it is null. The
     * outline's rights: secretariat or admin (403 otherwise), an open period (423). {@code number} may be blank;
     * {@code level} 0–3; a heading is required from level 1 (400). Returns the new section; recorded in the audit log.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#context, 'WORK_ON_REPORT')")
    public ReportSection addSection(CommitteeContext context, Long afterSectionId, String number, String heading,
                                    int level) {
        AppUserPrincipal user = requireOutlineRights(context);
        String cleanNumber = InputText.clean(messages.get("report.view.number"), number == null ? "" : number).strip();
        String cleanHeading = InputText.clean(messages.get("report.view.heading"), heading == null ? "" : heading).strip();
        if (level < 0 || level > 3) {
            throw new ValidationException("report.error.level");
        }
        if (level > 0 && cleanHeading.isEmpty()) {
            throw new ValidationException("report.error.headingMissing");
        }
        if (cleanNumber.length() > 20 || cleanHeading.length() > 300) {
            throw new ValidationException("report.error.headingTooLong");
        }
        List<ReportSection> outline = repository.sections(context.period().id());
        int index = 0;
        if (afterSectionId != null) {
            index = indexOf(outline, afterSectionId) + 1;
        }
        long id = repository.insert(context.period().id(), 0, new NewSection(cleanNumber.isEmpty() ? null : cleanNumber,
                cleanHeading.isEmpty() ? null : cleanHeading, level, null, ""), SectionState.DRAFT, user.username(), now());
        List<Long> order = new ArrayList<>(outline.stream().map(ReportSection::id).toList());
        order.add(index, id);
        repository.renumber(context.period().id(), order);
        ReportSection added = section(context, id);
        audit.record(context.committee().id(), SECTION_ADDED, context.period().name(), label(added));
        return added;
    }

    /**
     * Removes a section, its history and named editors, if nobody saved it since {@code expectedVersion} (409
     * otherwise). Secretariat or admin, open period (423). The audit log keeps the removed heading and text.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#context, 'WORK_ON_REPORT')")
    public void removeSection(CommitteeContext context, long sectionId, int expectedVersion) {
        requireOutlineRights(context);
        ReportSection section = section(context, sectionId);
        if (section.version() != expectedVersion) {
            throw new ConflictException("report.error.staleRemove", label(section), section.changedBy());
        }
        repository.delete(context.period().id(), sectionId);
        String body = section.generated() ? section.block() : section.body();
        audit.record(context.committee().id(), SECTION_REMOVED, context.period().name(),
                label(section) + ": " + (body.length() > 2000 ? body.substring(0, 2000) + " …" : body));
    }

    /**
     * Moves a section one place up ({@code delta} -1) or down (+1) in the outline; at the start or end nothing moves.
     * Secretariat or admin, open period (423). Returns the outline in its new order.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#context, 'WORK_ON_REPORT')")
    public List<ReportSection> moveSection(CommitteeContext context, long sectionId, int delta) {
        requireOutlineRights(context);
        if (delta != -1 && delta != 1) {
            throw new ValidationException("report.error.move");
        }
        List<ReportSection> outline = repository.sections(context.period().id());
        int from = indexOf(outline, sectionId);
        int to = from + delta;
        if (to >= 0 && to < outline.size()) {
            List<Long> order = new ArrayList<>(outline.stream().map(ReportSection::id).toList());
            order.add(to, order.remove(from));
            repository.renumber(context.period().id(), order);
            audit.record(context.committee().id(), SECTION_MOVED, context.period().name(),
                    label(outline.get(from)) + ": " + (from + 1) + " → " + (to + 1));
        }
        return repository.sections(context.period().id());
    }

    private AppUserPrincipal requireOutlineRights(CommitteeContext context) {
        AppUserPrincipal user = CurrentUser.get();
        if (context.period().isLocked()) {
            throw new LockedException("report.error.locked", context.period().name());
        }
        return user;
    }

    private static int indexOf(List<ReportSection> outline, long sectionId) {
        for (int i = 0; i < outline.size(); i++) {
            if (outline.get(i).id() == sectionId) {
                return i;
            }
        }
        throw new NotFoundException("report.error.sectionNotFound", sectionId);
    }

    private String label(ReportSection s) {
        return s.title().isBlank() ? messages.get("report.view.untitled") + " #" + s.sortOrder() : s.title();
    }

    /**
     * A new period's outline: the previous period's sections, texts and editors, as drafts. Called by period creation
     * through {@link ReportPeriodListener} (in its transaction); does nothing when the new period already has sections or the previous one has none.
     */
    @Transactional
    void carryOver(CommitteeContext previous, CommitteeContext next) {
        if (!repository.sections(next.period().id()).isEmpty()) {
            return;
        }
        String by = CurrentUser.get().username();
        OffsetDateTime now = now();
        for (ReportSection s : repository.sections(previous.period().id())) {
            long id = repository.insert(next.period().id(), s.sortOrder(),
                    new NewSection(s.number(), s.heading(), s.level(), s.block(), s.body()), SectionState.DRAFT, by, now);
            if (!s.editors().isEmpty()) {
                repository.setEditors(next.period().id(), id, s.editors());
            }
        }
    }

    /** The report as the document model: title page, contents, the sections in order, Bilaga 1 and 2 where placed. */
    @PreAuthorize("@committeeAccess.member(#context)")
    public AppendixDocument document(CommitteeContext context) {
        List<ReportSection> sections = sections(context);
        List<FinanceTable> tables = finance.overview(context).tables();
        FinanceColumns.Text text = (key, args) -> messages.get(key.replace("finance.column.", "report.column."), args);
        // a decided period's title page says what the stored report says (reopened and open again: nothing)
        String decided = context.period().isLocked() ? repository.decidedLine(context.period().id()).orElse(null) : null;
        return document(context, sections, tables, text, decided, false);
    }

    /**
     * {@code links}: the browser preview's links, from each section to its editor in the view Rapport and from each
     * generated finance table to its cut and level in the finance view (never in Word or PDF).
     */
    private AppendixDocument document(CommitteeContext context, List<ReportSection> sections, List<FinanceTable> tables,
                                      FinanceColumns.Text text, String decided, boolean links) {
        String title = context.period().name();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new AppendixDocument.TitlePage(title, context.committee().name(), decided));
        blocks.add(new AppendixDocument.TableOfContents(messages.get("report.doc.contents")));
        blocks.add(new AppendixDocument.PageBreak());
        int level = 1;
        for (ReportSection s : sections) {
            BlockType type = s.blockType();
            boolean appendix = type == BlockType.APPENDIX_1 || type == BlockType.APPENDIX_2;
            if (appendix) {
                blocks.add(new AppendixDocument.PageBreak());
            }
            boolean headingNote = false;
            if (s.level() > 0 && s.heading() != null && !s.heading().isBlank()) {
                // a footnote reference in the heading, its note defined in the section's text (also a block's)
                MarkdownBlocks.HeadingText heading = MarkdownBlocks.heading(s.heading(), s.body());
                headingNote = heading.runs() != null;
                blocks.add(new AppendixDocument.Heading(s.level(), s.number(), heading.text(), s.level() <= 2,
                        heading.runs()));
                level = s.level();
            }
            if (links) {
                blocks.add(new AppendixDocument.PreviewLink(link(context, "rapport", "avsnitt", String.valueOf(s.id())),
                        messages.get("report.preview.edit", s.title().isBlank() ? messages.get("report.view.untitled")
                                : s.title())));
                FinanceCut cut = type == null ? null : type.cut();
                if (cut != null) {
                    List<String> levels = cut == FinanceCut.SUMMARY ? List.of() : s.blockLevels();
                    String href = link(context, "ekonomi", "snitt", cut.fileName())
                            + (levels.isEmpty() ? "" : "&niva=" + encode(levels.get(0)));
                    blocks.add(new AppendixDocument.PreviewLink(href, messages.get("report.preview.finance",
                            messages.get(cut.labelKey()), String.join(" ", levels)).strip()));
                }
            }
            if (!s.generated()) {
                blocks.addAll(MarkdownBlocks.parse(s.body(), level + 1));
            } else if (type == null) {
                blocks.add(new AppendixDocument.Paragraph(List.of(new AppendixDocument.Run(
                        messages.get("report.doc.unknownBlock", s.block()), true))));
            } else {
                blocks.addAll(generated(context, s, type, tables, text));
                if (headingNote) {
                    blocks.add(new AppendixDocument.Notes()); // the heading's note after the block (PDF, preview)
                }
            }
        }
        return new AppendixDocument(title, context.committee().name(), context.period().name(),
                context.period().endDate(), messages.get("appendix.page"), blocks);
    }

    private List<Block> generated(CommitteeContext context, ReportSection s, BlockType type, List<FinanceTable> tables,
                                  FinanceColumns.Text text) {
        return switch (type) {
            case SUMMARY -> ReportTables.summary(tables, context.period(), text);
            case UNITS -> ReportTables.cut(tables, FinanceCut.UNIT, s.blockLevels(), context.period(), text);
            case ACCOUNT_GROUPS -> ReportTables.cut(tables, FinanceCut.ACCOUNT_GROUP, s.blockLevels(), context.period(), text);
            case ACTIVITIES -> ReportTables.cut(tables, FinanceCut.ACTIVITY, s.blockLevels(), context.period(), text);
            case INVESTMENTS -> ReportTables.cut(tables, FinanceCut.INVESTMENT, s.blockLevels(), context.period(), text);
            case AMOUNTS -> List.of(ReportTables.amounts(MarkdownBlocks.table(s.body())));
            case APPENDIX_1 -> appendices.document(context, AppendixKind.BILAGA_1).blocks();
            case APPENDIX_2 -> appendices.document(context, AppendixKind.BILAGA_2).blocks();
        };
    }

    /**
     * The report as a file. A decided period's report is the one stored at its decision, byte for byte; otherwise it
     * is rendered from the current data (the same data gives the same bytes).
     */
    @PreAuthorize("@committeeAccess.member(#context)")
    public AppendixFile generate(CommitteeContext context, AppendixFormat format) {
        if (context.period().isLocked()) {
            Optional<AppendixFile> stored = repository.decided(context.period().id(), format.name());
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        return render(context, format, null);
    }

    @PreAuthorize("@committeeAccess.member(#committeeSlug)")
    public AppendixFile generate(String committeeSlug, String periodSlug, AppendixFormat format) {
        // the context is resolved here, so the committee rule is checked here (the call below is no proxy call)
        CommitteeContext context = periods.context(committeeSlug, periodSlug);
        return generate(context, format);
    }

    /** On the bounded document pool, for the UI; the caller's security context travels with the work. */
    @PreAuthorize("@committeeAccess.member(#context)")
    public CompletableFuture<AppendixFile> generateAsync(CommitteeContext context, AppendixFormat format) {
        SecurityContext security = SecurityContextHolder.getContext();
        return CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(security);
            try {
                return generate(context, format);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }, executor);
    }


    /**
     * Renders the report as Word and PDF and stores both with their SHA-256 as the decided report, under the decision
     * event (called by the period decision through {@link ReportPeriodListener}, before the period is locked; {@code decisionBody}/{@code decisionDate}
     * print on the title page).
     */
    List<AppendixFile> storeDecided(CommitteeContext context, long eventId, String decisionBody,
                                    LocalDate decisionDate) {
        String decided = messages.get("report.doc.decided", decisionBody, Messages.date(decisionDate));
        Map<AppendixFormat, AppendixFile> files = renderDecided(context, decided);
        files.forEach((format, file) -> repository.storeDecided(context.period().id(), eventId, format.name(), file,
                decided));
        return List.copyOf(files.values());
    }

    /**
     * The decided report, Word and PDF: the PDF first, then the Word file whose contents field shows the PDF's page
     * numbers (only here: reading the PDF's layout for every live Word download would cost a PDF rendering).
     */
    private Map<AppendixFormat, AppendixFile> renderDecided(CommitteeContext context, String decided) {
        AppendixDocument document = document(context, decided);
        AppendixFile pdf = file(context, AppendixFormat.PDF, document);
        AppendixFile docx = file(context, AppendixFormat.DOCX, DocumentRenderers.withTocPages(document, pdf.content()));
        Map<AppendixFormat, AppendixFile> files = new EnumMap<>(AppendixFormat.class);
        files.put(AppendixFormat.DOCX, docx);
        files.put(AppendixFormat.PDF, pdf);
        return files;
    }

    /**
     * A fresh rendering of a decided period's report as its decision rendered it, Word and PDF (tests: the stored
     * report must be reproducible byte for byte); package-private, so no rule of its own.
     */
    Map<AppendixFormat, AppendixFile> renderFreshAsDecided(CommitteeContext context) {
        return renderDecided(context, null);
    }

    /** The SHA-256 of the stored decided report in the format, if the period has been decided. */
    @PreAuthorize("@committeeAccess.member(#context)")
    public Optional<String> storedSha256(CommitteeContext context, AppendixFormat format) {
        return repository.decidedSha256(context.period().id(), format.name());
    }

    /**
     * The HTML the PDF is made from, with links from each section to its editor and from each generated finance table
     * to the finance view (its cut's tab and first level's table): the preview in the browser.
     */
    @PreAuthorize("@committeeAccess.member(#context)")
    public String previewHtml(CommitteeContext context) {
        List<ReportSection> sections = sections(context);
        List<FinanceTable> tables = finance.overview(context).tables();
        FinanceColumns.Text text = (key, args) -> messages.get(key.replace("finance.column.", "report.column."), args);
        String decided = context.period().isLocked() ? repository.decidedLine(context.period().id()).orElse(null) : null;
        return DocumentRenderers.html(document(context, sections, tables, text, decided, true));
    }

    /** "ekonomi?namnd=ks&period=2024-dr2&snitt=enhet": a view of the application for this committee and period. */
    private static String link(CommitteeContext context, String route, String parameter, String value) {
        return route + "?namnd=" + encode(context.committee().slug()) + "&period=" + encode(context.period().slug())
                + "&" + parameter + "=" + encode(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A fresh rendering even of a decided period (tests: the stored report must be reproducible byte for byte). */
    AppendixFile renderFresh(CommitteeContext context, AppendixFormat format) {
        return render(context, format, null);
    }

    private AppendixFile render(CommitteeContext context, AppendixFormat format, String decided) {
        return file(context, format, document(context, decided));
    }

    /** The document, with {@code decided} (when not null) as the title page's decision line. */
    private AppendixDocument document(CommitteeContext context, String decided) {
        AppendixDocument document = document(context);
        if (decided != null) {
            List<Block> blocks = new ArrayList<>(document.blocks());
            AppendixDocument.TitlePage page = (AppendixDocument.TitlePage) blocks.get(0);
            blocks.set(0, new AppendixDocument.TitlePage(page.title(), page.committee(), decided));
            document = new AppendixDocument(document.title(), document.committee(), document.period(), document.date(),
                    document.pageLabel(), blocks);
        }
        return document;
    }

    private AppendixFile file(CommitteeContext context, AppendixFormat format, AppendixDocument document) {
        long start = System.nanoTime();
        // the decided record goes to the archive: PDF/A-2a beside PDF/UA-1
        byte[] content = DocumentRenderers.render(document, format, true);
        log.debug("report {} for {}/{} in {} ms", format, context.committee().slug(), context.period().slug(),
                (System.nanoTime() - start) / 1_000_000);
        return new AppendixFile(fileName(context, format), format.contentType(), content);
    }

    /** "Delårsrapport med prognos 1 2024 – Kommunstyrelsen.pdf" */
    @PreAuthorize("@committeeAccess.member(#context)")
    public String fileName(CommitteeContext context, AppendixFormat format) {
        return messages.get("report.doc.fileName", context.period().name(), context.committee().name(),
                format.extension()).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
