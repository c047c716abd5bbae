package se.uppfoljning.finance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.error.DomainException;
import se.uppfoljning.base.error.LockedException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.imports.ImportRejection;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.base.security.Unrestricted;
import se.uppfoljning.finance.internal.FinanceFileReader;
import se.uppfoljning.finance.internal.FinanceFileReader.ParsedFile;
import se.uppfoljning.finance.internal.FinanceRepository;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.periods.CommitteeContext;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The controller's import of budget, outcome and forecast: the whole file is validated before anything is written;
 * a valid file replaces the period's figures for the levels it contains in one transaction (only differing rows are
 * touched, so the same file again changes nothing); every attempt is recorded; the balanced-budget goal follows.
 */
@Service
public class FinanceImportService {

    private final AuditService audit;

    private static final Logger log = LoggerFactory.getLogger(FinanceImportService.class);

    private final FinanceRepository repository;
    private final FinanceService finance;
    private final FollowUpService followUp;
    private final Messages messages;
    private final TransactionTemplate separateTransaction;
    private final long maxBytes;
    private final ApplicationEventPublisher events;

    FinanceImportService(FinanceRepository repository, FinanceService finance, FollowUpService followUp,
                         Messages messages, PlatformTransactionManager transactionManager,
                         @Value("${app.finance.max-file-bytes:52428800}") long maxBytes, AuditService audit,
                         ApplicationEventPublisher events) {
        this.audit = audit;
        this.events = events;
        this.repository = repository;
        this.finance = finance;
        this.followUp = followUp;
        this.messages = messages;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxBytes = maxBytes;
    }

    @Unrestricted("a configured limit; reads nothing")
    public long maxBytes() {
        return maxBytes;
    }

    /** What the file would change, without changing anything. */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#context, 'IMPORT_FINANCE')")
    public FinanceImportResult preview(CommitteeContext context, String fileName, byte[] content) {
        ParsedFile file = parseAndStage(context, content);
        int[] counts = repository.diff(context.period().id(), file.levels());
        return result(context, file, counts);
    }

    @Transactional
    @PreAuthorize("@committeeAccess.may(#context, 'IMPORT_FINANCE')")
    public FinanceImportResult importFile(CommitteeContext context, String fileName, byte[] content) {
        AppUserPrincipal user = CurrentUser.get();
        long started = System.nanoTime();
        ParsedFile file;
        try {
            file = parseAndStage(context, content);
        } catch (DomainException e) {
            String sha = content == null ? "" : sha256(content);
            String message = messages.of(e) + e.details().stream().limit(20)
                    .map(d -> " " + Messages.describe(d))
                    .collect(Collectors.joining());
            separateTransaction.executeWithoutResult(s -> repository.insertImport(context.period().id(),
                    safeName(fileName), sha, 0, List.of(), "REJECTED", new int[3], message, user.username()));
            log.info("Ekonomiimport avvisad: {} i {} av {}: {}", fileName, context.period().slug(), user.username(),
                    message);
            events.publishEvent(ImportRejection.event(context.committee().id(),
                    messages.get("audit.security.importKind.finance"), safeName(fileName), content, e, messages));
            throw e;
        }
        long staged = System.nanoTime();
        int[] counts = repository.apply(context.period().id(), file.levels());
        long applied = System.nanoTime();
        boolean unchanged = counts[0] == 0 && counts[1] == 0 && counts[2] == 0;
        repository.insertImport(context.period().id(), safeName(fileName), file.sha256(), file.rowCount(),
                file.levels(), unchanged ? "UNCHANGED" : "OK", counts, "", user.username());
        audit.record(context.committee().id(), AuditActions.FINANCE_IMPORTED, safeName(fileName),
                context.period().name() + ": " + file.rowCount() + " rader, +" + counts[0] + " ~" + counts[1]
                        + " -" + counts[2] + ", SHA-256 " + file.sha256());
        FinanceSummary summary = finance.summarise(context, repository.levels(context.committee().id()),
                repository.aggregates(context.period().id(), List.of()),
                repository.summedRows(context.period().id(), List.of()), repository.rowCount(context.period().id()));
        if (summary.balancedBudget().status() != null) {
            followUp.applyDerivedStatus(context, summary.balancedBudget().status(), summary.balancedBudget().comment());
        }
        log.info("Ekonomiimport {} i {} av {}: {} rader, +{} ~{} -{} (läsning {} ms, ersättning {} ms, mål {} ms)",
                fileName, context.period().slug(), user.username(), file.rowCount(), counts[0], counts[1], counts[2],
                (staged - started) / 1_000_000, (applied - staged) / 1_000_000, (System.nanoTime() - applied) / 1_000_000);
        return new FinanceImportResult(file.rowCount(), file.levels(), counts[0], counts[1], counts[2],
                summary.netForecast(), summary.netBudget(), summary.netDeviation(), summary.deviationPercent(),
                summary.balancedBudget().status(), summary.findings(), file.notes());
    }

    private FinanceImportResult result(CommitteeContext context, ParsedFile file, int[] counts) {
        long periodId = context.period().id();
        List<FinanceAggregate> aggregates = new ArrayList<>(repository.aggregates(periodId, file.levels()));
        aggregates.addAll(repository.stagedAggregates());
        List<FinanceRow> summed = new ArrayList<>(repository.summedRows(periodId, file.levels()));
        summed.addAll(repository.stagedSummedRows());
        FinanceSummary summary = finance.summarise(context, repository.levels(context.committee().id()), aggregates,
                summed, file.rowCount());
        return new FinanceImportResult(file.rowCount(), file.levels(), counts[0], counts[1], counts[2],
                summary.netForecast(), summary.netBudget(), summary.netDeviation(), summary.deviationPercent(),
                summary.balancedBudget().status(), summary.findings(), file.notes());
    }

    /** Validates the whole file while streaming its rows into the staging table; any error discards them. */
    private ParsedFile parseAndStage(CommitteeContext context, byte[] content) {
        if (context.period().isLocked()) {
            throw new LockedException("followup.error.periodLocked", context.period().name());
        }
        Set<String> levels = new LinkedHashSet<>();
        repository.levels(context.committee().id()).forEach(l -> levels.add(l.code()));
        if (content == null || content.length == 0 || content.length > maxBytes) {
            return FinanceFileReader.read(content, maxBytes, levels, context.committee().code(), row -> { });
        }
        return repository.stage(sink -> FinanceFileReader.read(content, maxBytes, levels, context.committee().code(),
                sink));
    }

    private static String safeName(String fileName) {
        String name = fileName == null || fileName.isBlank() ? Messages.text("finance.import.unknownFileName")
                : fileName.strip();
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
