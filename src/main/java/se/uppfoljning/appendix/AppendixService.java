package se.uppfoljning.appendix;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.appendix.AppendixDocument.Block;
import se.uppfoljning.appendix.AppendixDocument.Column;
import se.uppfoljning.appendix.AppendixDocument.Heading;
import se.uppfoljning.appendix.AppendixDocument.Paragraph;
import se.uppfoljning.appendix.AppendixDocument.Table;
import se.uppfoljning.appendix.internal.HtmlRenderer;
import se.uppfoljning.appendix.internal.StoredAppendixRepository;
import se.uppfoljning.base.concurrent.DocumentExecutorConfiguration;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.security.CommitteeAccess;
import se.uppfoljning.base.security.Right;
import se.uppfoljning.base.security.Unrestricted;
import se.uppfoljning.followup.AreaSection;
import se.uppfoljning.followup.AssignmentSection;
import se.uppfoljning.followup.FollowUpOverview;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.followup.GoalSection;
import se.uppfoljning.indicators.IndicatorService;
import se.uppfoljning.indicators.IndicatorStatus;
import se.uppfoljning.indicators.Numbers;
import se.uppfoljning.measures.Measure;
import se.uppfoljning.measures.MeasureService;
import se.uppfoljning.measures.Mnkr;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.structure.ItemKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Bilaga 1 and Bilaga 2 of a committee's report for a period, generated from the stored data as Word, PDF or the
 * HTML of the browser preview. Every signed-in member of the committee may generate; the reads check membership.
 * Rendering runs outside any transaction: the data is read first (one query), then turned into bytes.
 */
@Service
public class AppendixService {

    private static final Logger log = LoggerFactory.getLogger(AppendixService.class);

    /** Column shares of Bilaga 2's three-column tables and Bilaga 1's seven-column measure tables, in percent. */
    private static final int[] BILAGA_2_WIDTHS = {38, 17, 45};
    private static final int[] BILAGA_1_WIDTHS = {27, 14, 14, 9, 10, 9, 17};

    private final FollowUpService followUp;
    private final MeasureService measures;
    private final PeriodService periods;
    private final Messages messages;
    private final StoredAppendixRepository stored;
    private final IndicatorService indicators;
    /**
     * Rendering is CPU-bound and a large PDF holds tens of MB while it is laid out: at most one per core at a time,
     * the rest wait their turn (fairly), so a burst of downloads neither fails nor exhausts the heap.
     */
    private final Executor executor;

    AppendixService(FollowUpService followUp, MeasureService measures, PeriodService periods,
                    Messages messages, StoredAppendixRepository stored,
                    @Qualifier(DocumentExecutorConfiguration.EXECUTOR) Executor executor,
                    IndicatorService indicators) {
        this.indicators = indicators;
        this.executor = executor;
        this.stored = stored;
        this.followUp = followUp;
        this.measures = measures;
        this.periods = periods;
        this.messages = messages;
    }

    /** The appendix's content for the committee and period, ready for any renderer. */
    @Transactional(readOnly = true)
    @PreAuthorize("@committeeAccess.member(#context)")
    public AppendixDocument document(CommitteeContext context, AppendixKind kind) {
        return kind == AppendixKind.BILAGA_2
                ? bilaga2(followUp.overview(context), indicators.statuses(context.committee(), context.period().year()))
                : bilaga1(context, measures.measures(context));
    }

    /** The appendix as a file; unknown committee or period → 404 (NotFoundException). */
    @PreAuthorize("@committeeAccess.member(#committeeSlug)")
    public AppendixFile generate(String committeeSlug, String periodSlug, AppendixKind kind, AppendixFormat format) {
        return generate(periods.context(committeeSlug, periodSlug), kind, format);
    }

    @PreAuthorize("@committeeAccess.member(#context)")
    public AppendixFile generate(CommitteeContext context, AppendixKind kind, AppendixFormat format) {
        if (context.period().isLocked()) {
            // a decided period's appendix is the one stored at the decision, byte for byte
            var decided = stored.latest(context.period().id(), kind, format);
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        return render(context, kind, format);
    }

    /**
     * Generates Bilaga 1 and 2 as Word and PDF and stores them as the decided appendices of the period, under the
     * decision event {@code eventId}. Called (through {@link DecisionListener}) by the period decision before the
     * period is locked; not callable from outside the feature.
     */
    List<AppendixFile> storeDecided(CommitteeContext context, long eventId) {
        List<AppendixFile> files = new ArrayList<>();
        for (AppendixKind kind : AppendixKind.values()) {
            for (AppendixFormat format : AppendixFormat.values()) {
                AppendixFile file = render(context, kind, format);
                stored.insert(context.period().id(), eventId, kind, format, file);
                files.add(file);
            }
        }
        return files;
    }

    /** The SHA-256 of the stored decided appendix, if the period has been decided. */
    @PreAuthorize("@committeeAccess.member(#context)")
    public Optional<String> storedSha256(CommitteeContext context, AppendixKind kind, AppendixFormat format) {
        return stored.storedSha256(context.period().id(), kind, format);
    }

    private AppendixFile render(CommitteeContext context, AppendixKind kind, AppendixFormat format) {
        AppendixDocument document = document(context, kind);
        long start = System.nanoTime();
        byte[] content = DocumentRenderers.render(document, format, false);
        log.debug("{} {} for {}/{} in {} ms", kind, format, context.committee().slug(), context.period().slug(),
                (System.nanoTime() - start) / 1_000_000);
        return new AppendixFile(fileName(context, kind, format), format.contentType(), content);
    }

    /**
     * The same, on a small pool of its own (two at a time, like the machine's cores), for the UI's progress display.
     * The caller's security context travels with the work.
     */
    @PreAuthorize("@committeeAccess.member(#context)")
    public CompletableFuture<AppendixFile> generateAsync(CommitteeContext context, AppendixKind kind,
                                                         AppendixFormat format) {
        SecurityContext security = SecurityContextHolder.getContext();
        return CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(security);
            try {
                return generate(context, kind, format);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }, executor);
    }

    /** The HTML the PDF is made from, for the secretariat's preview in the browser. */
    @PreAuthorize("@committeeAccess.may(#context, 'EDIT_APPENDICES')")
    public String previewHtml(CommitteeContext context, AppendixKind kind) {
        return HtmlRenderer.render(document(context, kind));
    }

    /** "Bilaga 2 Uppföljning av strategiska mål och uppdrag - Kommunstyrelsen - Delårsrapport … 2024.docx". */
    /** Whether the current user may edit the measures and preview the appendices before the decision. */
    @PreAuthorize("@committeeAccess.member(#context)")
    public boolean mayEdit(CommitteeContext context) {
        return CommitteeAccess.holds(context.committee().id(), Right.EDIT_APPENDICES);
    }

    @Unrestricted("formats a file name from the arguments; reads nothing")
    public String fileName(CommitteeContext context, AppendixKind kind, AppendixFormat format) {
        String name = messages.get("appendix.fileName", messages.get(key(kind, "fileTitle")),
                context.committee().name(), context.period().name(), format.extension());
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }

    @Unrestricted("a title from the bundle; reads nothing")
    public String title(AppendixKind kind) {
        return messages.get(key(kind, "title"));
    }

    private static String key(AppendixKind kind, String suffix) {
        return "appendix." + (kind == AppendixKind.BILAGA_2 ? "bilaga2" : "bilaga1") + "." + suffix;
    }

    /**
     * Bilaga 2; {@code indicators}: the latest value of each goal and indicator with a target (item id → status),
     * printed in a row under the item with the target and, for Kolada's values, "Källa: Kolada".
     */
    AppendixDocument bilaga2(FollowUpOverview overview, Map<Long, IndicatorStatus> indicators) {
        CommitteeContext context = overview.context();
        int year = context.period().year();
        List<Block> blocks = new ArrayList<>();
        String title = title(AppendixKind.BILAGA_2);
        blocks.add(new Heading(1, title));
        blocks.add(Paragraph.ofMarkedText(messages.get("appendix.bilaga2.intro", String.valueOf(year),
                String.valueOf(year + 1))));
        String goalStatus = messages.get("report.goalStatus");
        String assignmentStatus = messages.get("report.assignmentStatus");
        String comment = messages.get("grid.comment");
        for (AreaSection area : overview.areas()) {
            blocks.add(new Heading(2, area.name()));
            for (GoalSection goal : area.goals()) {
                blocks.add(new Heading(3, messages.get("report.strategicGoal", String.valueOf(goal.number()), goal.text())));
                String first = messages.get(goal.kind() == ItemKind.INDICATOR ? "report.indicators" : "report.committeeGoals");
                blocks.add(new Table(columns(BILAGA_2_WIDTHS, first, goalStatus, comment),
                        goalRows(goal.rows(), indicators)));
            }
            for (AssignmentSection section : area.assignments()) {
                String first = messages.get(section.carriedOver() ? "report.carriedAssignments" : "report.assignments",
                        String.valueOf(section.osbYear()));
                blocks.add(new Table(columns(BILAGA_2_WIDTHS, first, assignmentStatus, comment), rows(section.rows())));
            }
        }
        return new AppendixDocument(title, context.committee().name(), context.period().name(),
                context.period().endDate(), messages.get("appendix.page"), blocks);
    }

    AppendixDocument bilaga1(CommitteeContext context, List<Measure> stored) {
        List<Block> blocks = new ArrayList<>();
        String title = title(AppendixKind.BILAGA_1);
        blocks.add(new Heading(1, title));
        if (stored.isEmpty()) {
            blocks.add(Paragraph.ofMarkedText(messages.get("appendix.bilaga1.none")));
        } else {
            blocks.add(Paragraph.ofMarkedText(messages.get("appendix.bilaga1.caption")));
        }
        for (Measure m : stored) {
            List<Column> columns = columns(BILAGA_1_WIDTHS, messages.get("appendix.bilaga1.measure", String.valueOf(m.number())),
                    messages.get("appendix.bilaga1.decision"), messages.get("appendix.bilaga1.diaryNumber"),
                    messages.get("appendix.bilaga1.forecastEffect"), messages.get("appendix.bilaga1.totalEffect"),
                    messages.get("appendix.bilaga1.achievedEffect"), messages.get("appendix.bilaga1.expectedEffect"));
            List<List<String>> rows = List.of(
                    List.of(m.description(), text(m.decision()), text(m.diaryNumber()), Mnkr.format(m.forecastEffect()),
                            Mnkr.format(m.totalEffect()), Mnkr.format(m.achievedEffect()), text(m.expectedEffect())),
                    List.of(messages.get("appendix.bilaga1.comment"), text(m.comment())));
            blocks.add(new Table(columns, rows));
        }
        return new AppendixDocument(title, context.committee().name(), context.period().name(),
                context.period().endDate(), messages.get("appendix.page"), blocks);
    }

    private static List<Column> columns(int[] widths, String... headers) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < headers.length; i++) {
            columns.add(new Column(headers[i], widths[i]));
        }
        return columns;
    }

    /** The goals' rows, each with a row (spanning the table) of its latest value when it has one. */
    private List<List<String>> goalRows(List<FollowUpRow> rows, Map<Long, IndicatorStatus> indicators) {
        List<List<String>> result = new ArrayList<>();
        for (FollowUpRow r : rows) {
            result.add(List.of(r.printedText(), text(r.status()), text(r.comment())));
            IndicatorStatus s = indicators.get(r.id());
            if (s != null && s.latestValue() != null) {
                String year = s.preliminary() ? messages.get("appendix.bilaga2.preliminaryYear",
                        String.valueOf(s.latestYear())) : String.valueOf(s.latestYear());
                result.add(List.of(messages.get("appendix.bilaga2.indicatorValue", Numbers.format(s.latestValue()),
                        year, s.target()) + (s.fromKolada() ? " · " + messages.get("indicators.source.kolada") : "")));
            }
        }
        return result;
    }

    private static List<List<String>> rows(List<FollowUpRow> rows) {
        return rows.stream().map(r -> List.of(r.printedText(), text(r.status()), text(r.comment()))).toList();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
