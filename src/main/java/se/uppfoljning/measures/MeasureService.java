package se.uppfoljning.measures;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.error.LockedException;
import se.uppfoljning.base.error.NotFoundException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.imports.TabularFile;
import se.uppfoljning.base.text.InputText;
import se.uppfoljning.drafts.DraftKey;
import se.uppfoljning.drafts.DraftService;
import se.uppfoljning.measures.internal.MeasureRepository;
import se.uppfoljning.periods.CommitteeContext;

import java.util.ArrayList;
import java.util.List;

/** Measures for a balanced economy (Bilaga 1), per committee and period. */
@Service
@Transactional(readOnly = true)
public class MeasureService {

    static final List<String> REQUIRED = List.of("nummer", "atgard");
    /** A hundred billion kronor: larger effects are typing errors. */
    static final long MAX_AMOUNT = 100_000_000_000L;

    private final MeasureRepository repository;
    private final AuditService audit;
    private final DraftService drafts;

    MeasureService(MeasureRepository repository, AuditService audit, DraftService drafts) {
        this.repository = repository;
        this.audit = audit;
        this.drafts = drafts;
    }

    @PreAuthorize("@committeeAccess.member(#context)")
    public List<Measure> measures(CommitteeContext context) {
        return repository.measures(context.period().id());
    }

    /** Adds a measure at the end (its number is the next free one); returns it as stored. */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#context, 'EDIT_APPENDICES')")
    public Measure create(CommitteeContext context, Measure measure) {
        requireWritable(context);
        clean(measure); // refuses control characters before any other check
        validate(measure);
        int number = repository.nextNumber(context.period().id());
        long id = repository.insert(context.committee().id(), context.period().id(), number, clean(measure));
        changed(context, Messages.text("measures.audit.measure", String.valueOf(number)),
                Messages.text("measures.audit.new", clean(measure).description()));
        drafts.discard(DraftKey.measure(context, null)); // saved: the typed text is the measure now
        return repository.measure(context.period().id(), id).orElseThrow();
    }

    /** Changes a stored measure (found by id in the period); its number stays. */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#context, 'EDIT_APPENDICES')")
    public Measure save(CommitteeContext context, Measure measure) {
        requireWritable(context);
        clean(measure);
        validate(measure);
        if (!repository.update(context.period().id(), measure.id(), clean(measure))) {
            throw new NotFoundException("measures.error.notFound", String.valueOf(measure.id()));
        }
        changed(context, Messages.text("measures.audit.measure", String.valueOf(measure.number())),
                Messages.text("measures.audit.changed"));
        drafts.discard(DraftKey.measure(context, measure.id()));
        return repository.measure(context.period().id(), measure.id()).orElseThrow();
    }

    private void changed(CommitteeContext context, String subject, String details) {
        audit.record(context.committee().id(), AuditActions.MEASURES_CHANGED, subject,
                context.period().name() + ": " + details);
    }

    private static void requireWritable(CommitteeContext context) {
        if (context.period().isLocked()) {
            throw new LockedException("followup.error.periodLocked", context.period().name());
        }
    }

    private static void validate(Measure m) {
        List<ErrorDetail> errors = new ArrayList<>();
        if (m.description() == null || m.description().isBlank()) {
            errors.add(new ErrorDetail(null, "atgard", Messages.text("measures.detail.descriptionMissing")));
        }
        for (Long amount : new Long[]{m.forecastEffect(), m.totalEffect(), m.achievedEffect()}) {
            if (amount != null && Math.abs(amount) > MAX_AMOUNT) {
                errors.add(new ErrorDetail(null, "effekt", Messages.text("measures.detail.amountTooLarge")));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("measures.error.invalid", errors);
        }
    }

    private static Measure clean(Measure m) {
        return new Measure(m.id(), m.number(), InputText.clean(Messages.text("measures.field.description"), m.description()).strip(),
                trimToNull(InputText.clean(Messages.text("measures.field.decision"), m.decision())),
                trimToNull(InputText.clean(Messages.text("measures.field.diaryNumber"), m.diaryNumber())), m.forecastEffect(), m.totalEffect(),
                m.achievedEffect(), trimToNull(InputText.clean(Messages.text("measures.field.expectedEffect"),
                        m.expectedEffect())),
                trimToNull(InputText.clean(Messages.text("measures.field.comment"), m.comment())));
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Imports measures (columns nummer, atgard, beslut, diarienummer, prognos_effekt_kr, total_effekt_kr,
     * uppnadd_effekt_kr, forvantad_effekt, kommentar); validated whole before anything is written.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#context, 'EDIT_APPENDICES')")
    public int importFile(CommitteeContext context, String fileName, byte[] content) {
        TabularFile file = TabularFile.read(fileName, content, 1024 * 1024);
        List<ErrorDetail> errors = new ArrayList<>(file.missingColumns(REQUIRED));
        List<Measure> measures = new ArrayList<>();
        for (TabularFile.Row row : file.rows()) {
            Long parsedNumber = parseLong(row, "nummer", errors);
            Integer number = parsedNumber == null ? null : parsedNumber.intValue();
            if (number == null && row.get("nummer").isEmpty()) {
                errors.add(new ErrorDetail(row.line(), "nummer", Messages.text("measures.detail.numberMissing")));
            }
            if (row.get("atgard").isEmpty()) {
                errors.add(new ErrorDetail(row.line(), "atgard", Messages.text("measures.detail.descriptionMissing")));
            }
            Long forecast = parseLong(row, "prognos_effekt_kr", errors);
            Long total = parseLong(row, "total_effekt_kr", errors);
            Long achieved = parseLong(row, "uppnadd_effekt_kr", errors);
            if (number != null) {
                measures.add(new Measure(0, number, row.get("atgard"), blankToNull(row.get("beslut")),
                        blankToNull(row.get("diarienummer")), forecast, total, achieved,
                        blankToNull(row.get("forvantad_effekt")), blankToNull(row.get("kommentar"))));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("import.error.invalid", errors);
        }
        measures.forEach(m -> repository.upsert(context.committee().id(), context.period().id(), m));
        changed(context, Messages.text("measures.audit.measures"),
                Messages.text("measures.audit.imported", fileName, String.valueOf(measures.size())));
        return measures.size();
    }

    private static Long parseLong(TabularFile.Row row, String column, List<ErrorDetail> errors) {
        String value = row.get(column).replace(" ", "").replace("\u00a0", "").replace('−', '-');
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            errors.add(new ErrorDetail(row.line(), column, Messages.text("measures.detail.notKronor", row.get(column))));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
