package se.uppfoljning.structure;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.imports.TabularFile;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.base.text.InputText;
import se.uppfoljning.indicators.IndicatorService;
import se.uppfoljning.indicators.TargetInput;
import se.uppfoljning.organisation.Department;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.structure.internal.StructureRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Imports a committee's goals, indicators and assignments for a plan year, optionally with each row's status and
 * comment in a period (CSV or XLSX, columns documented in README). The whole file is validated first; any error
 * and nothing is written. Rows are matched to existing items (goals by number, assignments by text), so importing
 * the same file twice changes nothing. The demo data is loaded through this service.
 */
@Service
public class StructureImportService {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    static final List<String> REQUIRED = List.of("omrade", "typ", "text", "agare", "osb_ar");
    private static final Pattern ITEM_NUMBER = Pattern.compile("(\\d+)\\.(\\d+)");

    private final OrganisationService organisation;
    private final ImportedEntries entries;

    private final TransactionTemplate transaction;
    private final AuditService audit;
    private final StructureRepository structure;
    private final IndicatorService indicators;

    StructureImportService(OrganisationService organisation, ImportedEntries entries, TransactionTemplate transaction, AuditService audit,
                           StructureRepository structure, IndicatorService indicators) {
        this.indicators = indicators;
        this.audit = audit;
        this.structure = structure;
        this.organisation = organisation;
        this.entries = entries;
        this.transaction = transaction;
    }

    private record ParsedRow(int line, String area, Integer goalNumber, String goalText, ItemKind kind, String number,
                             String text, String target, long departmentId, int planYear, boolean carriedOver,
                             boolean derived, Long statusId, String comment, boolean hasFollowUp,
                             TargetInput targetData) {
    }

    /**
     * Imports the file. When it would create strategic areas, {@code confirmNewAreas} must be true (the user has
     * seen them in the preview); otherwise a {@link ValidationException} ("structure.import.error.newAreas") lists
     * them with their lines and nothing is written.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#context, 'KEEP_STRUCTURE')")
    public StructureImportResult importFile(CommitteeContext context, String fileName, byte[] content,
                                            boolean confirmNewAreas) {
        StructureImportResult result = doImport(context, fileName, content);
        if (!confirmNewAreas && !result.newAreas().isEmpty()) {
            throw new ValidationException("structure.import.error.newAreas", result.changes().stream()
                    .filter(c -> c.kind() == StructureImportChange.Kind.AREA_CREATED)
                    .map(c -> new ErrorDetail(c.line(), "omrade",
                            Messages.text("structure.import.detail.newArea", c.subject()))).toList(),
                    String.join(", ", result.newAreas()));
        }
        audit.record(context.committee().id(), AuditActions.STRUCTURE_IMPORTED, fileName,
                Messages.text("structure.import.audit", context.period().name(), String.valueOf(result.rows()),
                        String.valueOf(result.itemsCreated()), String.valueOf(result.itemsUpdated()),
                        String.valueOf(result.entriesWritten())));
        return result;
    }

    /** What importing the file would do, without writing anything (the import runs and is rolled back). */
    @PreAuthorize("@committeeAccess.may(#context, 'KEEP_STRUCTURE')")
    public StructureImportResult preview(CommitteeContext context, String fileName, byte[] content) {
        return transaction.execute(status -> {
            status.setRollbackOnly();
            return doImport(context, fileName, content);
        });
    }

    private StructureImportResult doImport(CommitteeContext context, String fileName, byte[] content) {
        TabularFile file = TabularFile.read(fileName, content, MAX_BYTES, REQUIRED);
        List<ErrorDetail> missing = file.missingColumns(REQUIRED);
        if (!missing.isEmpty()) {
            throw new ValidationException("import.error.invalid", missing);
        }
        List<ParsedRow> rows = validate(context, file);
        return write(context, rows);
    }

    private List<ParsedRow> validate(CommitteeContext context, TabularFile file) {
        Map<String, Long> departments = new HashMap<>();
        for (Department d : organisation.departments(context.committee().id())) {
            departments.put(InputText.key(d.name()), d.id());
        }
        List<ErrorDetail> errors = new ArrayList<>();
        List<ParsedRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<Integer, String> goalTexts = new HashMap<>();
        int year = context.period().year();
        for (TabularFile.Row row : file.rows()) {
            int errorsBefore = errors.size();
            int line = row.line();
            String area = row.get("omrade");
            if (area.isEmpty()) {
                errors.add(new ErrorDetail(line, "omrade", Messages.text("structure.import.detail.areaMissing")));
            }
            ItemKind kind = switch (InputText.key(row.get("typ"))) {
                case "nämndmål", "namndmal" -> ItemKind.COMMITTEE_GOAL;
                case "indikator" -> ItemKind.INDICATOR;
                case "uppdrag" -> ItemKind.ASSIGNMENT;
                default -> {
                    errors.add(new ErrorDetail(line, "typ",
                            Messages.text("structure.import.detail.unknownKind", row.get("typ"))));
                    yield null;
                }
            };
            String text = row.get("text");
            if (text.isEmpty()) {
                errors.add(new ErrorDetail(line, "text", Messages.text("structure.import.detail.textMissing")));
            }
            Long departmentId = departments.get(InputText.key(row.get("agare")));
            if (departmentId == null) {
                errors.add(new ErrorDetail(line, "agare", Messages.text("structure.import.detail.unknownDepartment", row.get("agare"))));
            }
            Integer osbYear = integer(row.get("osb_ar"));
            if (osbYear == null) {
                errors.add(new ErrorDetail(line, "osb_ar", Messages.text("structure.import.detail.planYear", row.get("osb_ar"))));
            }
            Boolean carried = yesNo(row.get("kvarstaende"), line, "kvarstaende", errors);
            Boolean derived = yesNo(row.get("harleds_fran_ekonomi"), line, "harleds_fran_ekonomi", errors);
            Integer goalNumber = null;
            String goalText = row.get("strategiskt_mal");
            String number = row.get("nummer").isEmpty() ? null : row.get("nummer");
            if (kind != null && kind != ItemKind.ASSIGNMENT) {
                goalNumber = integer(row.get("strategiskt_mal_nr"));
                if (goalNumber == null) {
                    errors.add(new ErrorDetail(line, "strategiskt_mal_nr", Messages.text("structure.import.detail.goalNumberMissing")));
                } else if (goalText.isEmpty()) {
                    errors.add(new ErrorDetail(line, "strategiskt_mal", Messages.text("structure.import.detail.goalTextMissing")));
                } else if (!InputText.key(goalText).equals(InputText.key(goalTexts.getOrDefault(goalNumber, goalText)))) {
                    errors.add(new ErrorDetail(line, "strategiskt_mal", Messages.text("structure.import.detail.goalTextDiffers", String.valueOf(goalNumber))));
                } else {
                    goalTexts.put(goalNumber, goalText);
                    // strategic goals are the council's, shared by all committees: an import never renames one
                    var existing = structure.findGoal(context.committee().organisationId(), goalNumber);
                    if (existing != null && !InputText.key(goalText).equals(InputText.key(existing.get(1, String.class)))) {
                        errors.add(new ErrorDetail(line, "strategiskt_mal", Messages.text("structure.import.detail.goalNamed",
                                String.valueOf(goalNumber), existing.get(1, String.class))));
                    }
                }
                var matcher = number == null ? null : ITEM_NUMBER.matcher(number);
                if (matcher == null || !matcher.matches()) {
                    errors.add(new ErrorDetail(line, "nummer", Messages.text("structure.import.detail.numberForm")));
                } else if (goalNumber != null && Integer.parseInt(matcher.group(1)) != goalNumber) {
                    errors.add(new ErrorDetail(line, "nummer", Messages.text("structure.import.detail.numberNotOfGoal", number,
                            String.valueOf(goalNumber))));
                }
            } else if (kind == ItemKind.ASSIGNMENT && number != null) {
                errors.add(new ErrorDetail(line, "nummer", Messages.text("structure.import.detail.assignmentNumber")));
            }
            Long statusId = null;
            String status = row.get("prognos");
            if (kind != null && !status.isEmpty()) {
                try {
                    statusId = entries.statusId(context, kind, status);
                } catch (ValidationException e) {
                    errors.add(new ErrorDetail(line, "prognos", Messages.text(kind == ItemKind.ASSIGNMENT
                            ? "structure.import.detail.unknownAssignmentStatus"
                            : "structure.import.detail.unknownGoalStatus", status)));
                }
            }
            // the target as data (optional columns), checked by the indicators feature that keeps targets
            TargetInput targetData = new TargetInput(row.get(TargetInput.COLUMN_KIND), row.get(TargetInput.COLUMN_VALUE),
                    row.get(TargetInput.COLUMN_UNIT), row.get(TargetInput.COLUMN_YEAR));
            errors.addAll(indicators.checkTarget(line, targetData, kind == ItemKind.ASSIGNMENT));
            if (row.get("kommentar").length() > entries.maxCommentLength()) {
                errors.add(new ErrorDetail(line, "kommentar", Messages.text("structure.import.detail.commentTooLong",
                        String.valueOf(entries.maxCommentLength()))));
            }
            if (errors.size() > errorsBefore) {
                continue;
            }
            int planYear = osbYear + (carried ? 1 : 0);
            if (planYear != year) {
                errors.add(new ErrorDetail(line, "osb_ar", Messages.text("structure.import.detail.otherYear",
                        String.valueOf(planYear), String.valueOf(year))));
                continue;
            }
            String key = kind == ItemKind.ASSIGNMENT ? "uppdrag:" + InputText.key(text) : "nummer:" + number;
            if (!seen.add(key)) {
                errors.add(new ErrorDetail(line, kind == ItemKind.ASSIGNMENT ? "text" : "nummer",
                        kind == ItemKind.ASSIGNMENT ? Messages.text("structure.import.detail.assignmentTwice")
                                : Messages.text("structure.import.detail.numberTwice", number)));
                continue;
            }
            boolean hasFollowUp = file.hasColumn("prognos") || file.hasColumn("kommentar");
            rows.add(new ParsedRow(line, area, goalNumber, goalText, kind, number, text, row.get("malvarde"),
                    departmentId, planYear, carried, derived, statusId, row.get("kommentar"), hasFollowUp, targetData));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("import.error.invalid", errors);
        }
        return rows;
    }

    private StructureImportResult write(CommitteeContext context, List<ParsedRow> rows) {
        long organisationId = context.committee().organisationId();
        long committeeId = context.committee().id();
        String username = CurrentUser.get().username();
        // existing areas and goals matched whatever the Unicode form or kind of space of their names
        Map<String, Long> areas = new HashMap<>();
        Map<Long, String> areaNames = new HashMap<>();
        for (StrategicArea area : structure.areas(organisationId)) {
            areas.putIfAbsent(InputText.key(area.name()), area.id());
            areaNames.put(area.id(), area.name());
        }
        Map<Long, Integer> goalNumbers = new HashMap<>();
        structure.goals(organisationId).forEach(g -> goalNumbers.put(g.id(), g.number()));
        Map<Long, String> departmentNames = new HashMap<>();
        organisation.departments(committeeId).forEach(d -> departmentNames.put(d.id(), d.name()));
        Map<Integer, Long> goals = new HashMap<>();
        List<StructureImportChange> changes = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int entries = 0;
        int order = 0;
        for (ParsedRow row : rows) {
            long areaId = areas.computeIfAbsent(InputText.key(row.area()), key -> {
                long id = structure.insertArea(organisationId, row.area());
                areaNames.put(id, row.area());
                changes.add(new StructureImportChange(row.line(), StructureImportChange.Kind.AREA_CREATED,
                        row.area(), null, null));
                return id;
            });
            Long goalId = null;
            if (row.goalNumber() != null) {
                goalId = goals.computeIfAbsent(row.goalNumber(), number -> {
                    var goal = structure.findGoal(organisationId, number);
                    if (goal == null) {
                        long id = structure.insertGoal(organisationId, areaId, number, row.goalText());
                        goalNumbers.put(id, number);
                        changes.add(new StructureImportChange(row.line(), StructureImportChange.Kind.GOAL_CREATED,
                                number + " " + row.goalText(), null, null));
                        return id;
                    }
                    return goal.get(0, Long.class);
                });
            }
            var item = structure.upsertItem(new StructureRepository.ItemData(committeeId, row.kind(), areaId, goalId,
                    row.number(), row.text(), row.target().isEmpty() ? null : row.target(), row.departmentId(),
                    row.planYear(), row.carriedOver(), row.derived(), order++));
            String subject = (row.number() == null ? "" : row.number() + " ") + row.text();
            switch (item.outcome()) {
                case CREATED -> {
                    created++;
                    changes.add(new StructureImportChange(row.line(), StructureImportChange.Kind.ITEM_CREATED,
                            subject, null, null));
                }
                case UPDATED -> {
                    updated++;
                    itemChanges(row, item, areaId, goalId, subject, areaNames, goalNumbers, departmentNames, changes);
                }
                default -> { }
            }
            var target = indicators.applyTarget(context.committee().slug(), item.id(), row.targetData(), null);
            if (target.isPresent()) {
                changes.add(new StructureImportChange(row.line(), StructureImportChange.Kind.TARGET_SET, subject,
                        target.get().before() == null ? "–" : target.get().before(), target.get().after()));
            }
            if (row.hasFollowUp()) {
                entries += writeFollowUp(context, row, item.id(), username);
            }
        }
        changes.sort(Comparator.comparing(StructureImportChange::line));
        return new StructureImportResult(rows.size(), created, updated, entries, changes);
    }

    private static void itemChanges(ParsedRow row, StructureRepository.Upserted item, long areaId, Long goalId,
                                    String subject, Map<Long, String> areaNames, Map<Long, Integer> goalNumbers,
                                    Map<Long, String> departmentNames, List<StructureImportChange> changes) {
        if (!Objects.equals(item.oldText(), row.text())) {
            changes.add(new StructureImportChange(row.line(), StructureImportChange.Kind.ITEM_RENAMED, subject,
                    item.oldText(), row.text()));
        }
        if (!Objects.equals(item.oldAreaId(), areaId)) {
            changes.add(new StructureImportChange(row.line(), StructureImportChange.Kind.ITEM_MOVED_AREA, subject,
                    areaNames.getOrDefault(item.oldAreaId(), ""), areaNames.getOrDefault(areaId, "")));
        }
        if (!Objects.equals(item.oldGoalId(), goalId)) {
            changes.add(new StructureImportChange(row.line(), StructureImportChange.Kind.ITEM_MOVED_GOAL, subject,
                    item.oldGoalId() == null ? "–" : String.valueOf(goalNumbers.get(item.oldGoalId())),
                    goalId == null ? "–" : String.valueOf(goalNumbers.get(goalId))));
        }
        if (!Objects.equals(item.oldDepartmentId(), row.departmentId())) {
            changes.add(new StructureImportChange(row.line(), StructureImportChange.Kind.OWNER_CHANGED, subject,
                    departmentNames.getOrDefault(item.oldDepartmentId(), ""),
                    departmentNames.getOrDefault(row.departmentId(), "")));
        }
    }

    /** Writes the row's status and comment when they differ from the entry (see {@link ImportedEntries}). */
    private int writeFollowUp(CommitteeContext context, ParsedRow row, long itemId, String username) {
        return entries.writeIfChanged(context, itemId, row.kind(), row.statusId(), row.comment(), username);
    }

    private static Integer integer(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean yesNo(String value, int line, String column, List<ErrorDetail> errors) {
        return switch (InputText.key(value)) {
            case "", "nej" -> false;
            case "ja" -> true;
            default -> {
                errors.add(new ErrorDetail(line, column, Messages.text("import.detail.yesOrNo", value)));
                yield false;
            }
        };
    }
}
