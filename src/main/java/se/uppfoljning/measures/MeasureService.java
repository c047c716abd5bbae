package se.uppfoljning.measures;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.imports.TabularFile;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.measures.internal.MeasureRepository;
import se.uppfoljning.organisation.CommitteeContext;

import java.util.ArrayList;
import java.util.List;

/** Measures for a balanced economy (Bilaga 1), per committee and period. */
@Service
@Transactional(readOnly = true)
public class MeasureService {

    static final List<String> REQUIRED = List.of("nummer", "atgard");

    private final MeasureRepository repository;

    MeasureService(MeasureRepository repository) {
        this.repository = repository;
    }

    @PreAuthorize("isAuthenticated()")
    public List<Measure> measures(CommitteeContext context) {
        if (!CurrentUser.get().isMemberOf(context.committee().id())) {
            throw new AccessDeniedException("not a member");
        }
        return repository.measures(context.period().id());
    }

    /**
     * Imports measures (columns nummer, atgard, beslut, diarienummer, prognos_effekt_kr, total_effekt_kr,
     * uppnadd_effekt_kr, forvantad_effekt, kommentar); validated whole before anything is written.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
    public int importFile(CommitteeContext context, String fileName, byte[] content) {
        TabularFile file = TabularFile.read(fileName, content, 1024 * 1024);
        List<ErrorDetail> errors = new ArrayList<>(file.missingColumns(REQUIRED));
        List<Measure> measures = new ArrayList<>();
        for (TabularFile.Row row : file.rows()) {
            Long parsedNumber = parseLong(row, "nummer", errors);
            Integer number = parsedNumber == null ? null : parsedNumber.intValue();
            if (number == null && row.get("nummer").isEmpty()) {
                errors.add(new ErrorDetail(row.line(), "nummer", "Åtgärdens nummer saknas."));
            }
            if (row.get("atgard").isEmpty()) {
                errors.add(new ErrorDetail(row.line(), "atgard", "Åtgärdens beskrivning saknas."));
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
            errors.add(new ErrorDetail(row.line(), column, "Beloppet måste vara ett heltal i kronor, inte \"" + row.get(column) + "\"."));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
