package se.uppfoljning.structure;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.error.NotFoundException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.text.InputText;
import se.uppfoljning.indicators.IndicatorService;
import se.uppfoljning.indicators.TargetInput;
import se.uppfoljning.organisation.Committee;
import se.uppfoljning.organisation.Department;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.structure.internal.StructureRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secretariat's structure: strategic areas (ordered) and goals of the organisation, a committee's goals,
 * indicators and assignments, and its departments. Items are never deleted, only retired: a retired item stays in
 * the periods where it was followed up and is left out of new ones.
 */
@Service
@Transactional(readOnly = true)
public class StructureService {

    private static final Pattern NUMBER = Pattern.compile("(\\d+)\\.(\\d+)");

    private final StructureRepository repository;
    private final OrganisationService organisation;
    private final AuditService audit;
    private final IndicatorService indicators;
    private final Messages messages;

    StructureService(StructureRepository repository, OrganisationService organisation, AuditService audit,
                     IndicatorService indicators, Messages messages) {
        this.audit = audit;
        this.indicators = indicators;
        this.messages = messages;
        this.repository = repository;
        this.organisation = organisation;
    }

    @PreAuthorize("@committeeAccess.member(#committee)")
    public List<StrategicArea> areas(Committee committee) {
        return repository.areas(committee.organisationId());
    }

    @PreAuthorize("@committeeAccess.member(#committee)")
    public List<StrategicGoal> goals(Committee committee) {
        return repository.goals(committee.organisationId());
    }

    @PreAuthorize("@committeeAccess.member(#committee)")
    public List<StructureItem> items(Committee committee, int planYear) {
        return repository.items(committee.id(), planYear);
    }

    @Transactional
    @PreAuthorize("@committeeAccess.may(#committee, 'KEEP_STRUCTURE')")
    public StrategicArea addArea(Committee committee, String name) {
        String clean = required(name, "namn", messages.get("structure.field.name"),
                messages.get("structure.error.areaName"));
        if (repository.areaNameTaken(committee.organisationId(), clean, null)) {
            throw invalid("namn", messages.get("structure.error.areaExists", clean));
        }
        long id = repository.insertArea(committee.organisationId(), clean);
        changed(committee, messages.get("structure.audit.area"), messages.get("structure.audit.new", clean));
        return repository.areas(committee.organisationId()).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    @PreAuthorize("@committeeAccess.may(#committee, 'KEEP_STRUCTURE')")
    public void renameArea(Committee committee, long areaId, String name) {
        area(committee, areaId);
        String clean = required(name, "namn", messages.get("structure.field.name"),
                messages.get("structure.error.areaName"));
        if (repository.areaNameTaken(committee.organisationId(), clean, areaId)) {
            throw invalid("namn", messages.get("structure.error.areaExists", clean));
        }
        repository.renameArea(areaId, clean);
        changed(committee, messages.get("structure.audit.areaId", String.valueOf(areaId)),
                messages.get("structure.audit.newName", clean));
    }

    /** Moves an area one step up (-1) or down (+1) in the report's order. */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#committee, 'KEEP_STRUCTURE')")
    public void moveArea(Committee committee, long areaId, int step) {
        List<Long> order = new ArrayList<>(repository.areas(committee.organisationId()).stream().map(StrategicArea::id).toList());
        int index = order.indexOf(areaId);
        if (index < 0) {
            throw new NotFoundException("structure.error.areaNotFound");
        }
        int target = Math.max(0, Math.min(order.size() - 1, index + Integer.signum(step)));
        order.remove(index);
        order.add(target, areaId);
        repository.reorderAreas(order);
        changed(committee, messages.get("structure.audit.areaId", String.valueOf(areaId)),
                messages.get(step < 0 ? "structure.audit.movedUp" : "structure.audit.movedDown"));
    }

    @Transactional
    @PreAuthorize("@committeeAccess.may(#committee, 'KEEP_STRUCTURE')")
    public StrategicGoal addGoal(Committee committee, int number, String text, long areaId) {
        area(committee, areaId);
        String clean = required(text, "text", messages.get("structure.goalText"),
                messages.get("structure.error.goalText"));
        if (number <= 0) {
            throw invalid("nummer", messages.get("structure.error.goalNumber"));
        }
        if (repository.findGoal(committee.organisationId(), number) != null) {
            throw invalid("nummer", messages.get("structure.error.goalExists", String.valueOf(number)));
        }
        long id = repository.insertGoal(committee.organisationId(), areaId, number, clean);
        changed(committee, messages.get("structure.audit.goal", String.valueOf(number)),
                messages.get("structure.audit.new", clean));
        return new StrategicGoal(id, number, clean, areaId);
    }

    @Transactional
    @PreAuthorize("@committeeAccess.may(#committee, 'KEEP_STRUCTURE')")
    public void updateGoal(Committee committee, long goalId, String text, long areaId) {
        area(committee, areaId);
        goal(committee, goalId);
        repository.updateGoal(goalId, required(text, "text", messages.get("structure.goalText"),
                messages.get("structure.error.goalText")), areaId);
        changed(committee, messages.get("structure.audit.goal", String.valueOf(goalId)),
                messages.get("structure.audit.newText", text.strip()));
    }

    /** Creates ({@code itemId} null) or changes a goal, indicator or assignment; returns its id. */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#committee, 'KEEP_STRUCTURE')")
    public long saveItem(Committee committee, Long itemId, ItemForm input) {
        // the one text boundary: NFC, line breaks, control characters refused naming the field
        ItemForm form = new ItemForm(input.kind(), input.strategicGoalId(), input.areaId(),
                InputText.clean("nummer", messages.get("structure.number"), input.number()),
                InputText.clean("text", messages.get("structure.text"), input.text()),
                InputText.clean("malvarde", messages.get("structure.target"), input.targetText()), input.departmentId(),
                input.planYear(),
                input.carriedOver(), input.derivedFromFinance(), input.target(), input.targetVersion());
        if (itemId != null) {
            requireOwnItem(committee, itemId);
        }
        List<ErrorDetail> errors = new ArrayList<>();
        if (form.kind() == null) {
            errors.add(new ErrorDetail(null, "typ", messages.get("structure.error.kind")));
        }
        if (form.text() == null || form.text().isBlank()) {
            errors.add(new ErrorDetail(null, "text", messages.get("structure.error.text")));
        }
        if (form.departmentId() == null || !repository.departmentOf(form.departmentId(), committee.id())) {
            errors.add(new ErrorDetail(null, "agare", messages.get("structure.error.owner")));
        }
        Long areaId = form.areaId();
        if (form.kind() != null && form.kind() != ItemKind.ASSIGNMENT) {
            StrategicGoal goal = form.strategicGoalId() == null ? null
                    : repository.goals(committee.organisationId()).stream()
                    .filter(g -> g.id() == form.strategicGoalId()).findFirst().orElse(null);
            if (goal == null) {
                errors.add(new ErrorDetail(null, "strategiskt_mal", messages.get("structure.error.strategicGoal")));
            } else {
                areaId = goal.areaId();
                Matcher m = form.number() == null ? null : NUMBER.matcher(form.number().strip());
                if (m == null || !m.matches()) {
                    errors.add(new ErrorDetail(null, "nummer", messages.get("structure.error.numberForm",
                            String.valueOf(goal.number()))));
                } else if (Integer.parseInt(m.group(1)) != goal.number()) {
                    errors.add(new ErrorDetail(null, "nummer", messages.get("structure.error.numberGoal",
                            form.number().strip(), String.valueOf(goal.number()))));
                } else if (repository.numberTaken(committee.id(), form.planYear(), form.number().strip(), itemId)) {
                    errors.add(new ErrorDetail(null, "nummer", messages.get("structure.error.numberTaken",
                            form.number().strip(), String.valueOf(form.planYear()))));
                }
            }
        } else if (areaId == null || repository.areas(committee.organisationId()).stream().noneMatch(a -> a.id() == form.areaId())) {
            errors.add(new ErrorDetail(null, "omrade", messages.get("structure.error.area")));
        }
        if (form.planYear() < 2000 || form.planYear() > 2100) {
            errors.add(new ErrorDetail(null, "ar", messages.get("structure.error.year")));
        }
        // an assignment's dialog hides the target fields: what they held is not the assignment's
        TargetInput target = form.kind() == ItemKind.ASSIGNMENT ? TargetInput.NONE : form.target();
        errors.addAll(indicators.checkTarget(null, target, false));
        if (!errors.isEmpty()) {
            throw new ValidationException("structure.error.invalid", errors);
        }
        ItemForm clean = new ItemForm(form.kind(), form.strategicGoalId(), areaId,
                form.number() == null ? null : form.number().strip(), form.text().strip(),
                form.targetText() == null || form.targetText().isBlank() ? null : form.targetText().strip(),
                form.departmentId(), form.planYear(), form.carriedOver(), form.derivedFromFinance());
        String subject = clean.number() == null ? clean.text() : clean.number() + " " + clean.text();
        if (itemId == null) {
            long id = repository.insertItem(committee.id(), areaId, clean);
            changed(committee, subject, messages.get("structure.audit.newItem", String.valueOf(clean.kind()),
                    String.valueOf(clean.planYear())) + targetChange(committee, id, target, 0));
            return id;
        }
        repository.updateItem(itemId, areaId, clean);
        changed(committee, subject, messages.get("structure.audit.changedItem", String.valueOf(itemId))
                + targetChange(committee, itemId, target, form.targetVersion()));
        return itemId;
    }

    /** Writes the target through the indicators feature (it owns the targets); the audit line's addition. */
    private String targetChange(Committee committee, long itemId, TargetInput target, Integer version) {
        return indicators.applyTarget(committee.slug(), itemId, target, version)
                .map(u -> messages.get("structure.audit.target", u.before() == null ? u.after() : u.before() + " → " + u.after()))
                .orElse("");
    }

    /** What starting plan year {@code year} would carry over: the assignments of the year before that are not done. */
    @PreAuthorize("@committeeAccess.may(#committee, 'KEEP_STRUCTURE')")
    public List<RemainingAssignment> unfinishedAssignments(Committee committee, int year) {
        return repository.unfinishedAssignments(committee.id(), year - 1);
    }

    /**
     * Starts plan year (ÖSB) {@code year} for the committee: adds the year to the organisation when it is new, and
     * carries every assignment of the year before that is not "Genomfört" over as "Kvarstående uppdrag från ÖSB
     * {year - 1}". Each assignment is carried once, so running it again carries only what was not carried yet (e.g.
     * after another committee's secretariat added the year).
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#committee, 'KEEP_STRUCTURE')")
    public List<RemainingAssignment> startPlanYear(Committee committee, int year) {
        boolean added = organisation.ensurePlanYear(committee, year);
        List<RemainingAssignment> carried = repository.unfinishedAssignments(committee.id(), year - 1);
        if (!added && carried.isEmpty()) {
            throw new ValidationException("organisation.error.planYearExists", String.valueOf(year));
        }
        if (!carried.isEmpty()) {
            repository.copyRemainingAssignments(carried.stream().map(RemainingAssignment::itemId).toList(), year);
        }
        changed(committee, messages.get("structure.audit.planYear", String.valueOf(year)),
                messages.get(added ? "structure.audit.planYearStarted" : "structure.audit.planYearCarried",
                        String.valueOf(carried.size()), String.valueOf(year - 1)));
        return carried;
    }

    /** Retires an item: kept with its history and in earlier periods, left out of new ones. */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#committee, 'KEEP_STRUCTURE')")
    public void retireItem(Committee committee, long itemId) {
        setRetired(committee, itemId, true);
    }

    @Transactional
    @PreAuthorize("@committeeAccess.may(#committee, 'KEEP_STRUCTURE')")
    public void reinstateItem(Committee committee, long itemId) {
        setRetired(committee, itemId, false);
    }

    private void setRetired(Committee committee, long itemId, boolean retired) {
        requireOwnItem(committee, itemId);
        repository.setRetired(itemId, retired);
        changed(committee, messages.get("structure.audit.item", String.valueOf(itemId)),
                messages.get(retired ? "structure.audit.retired" : "structure.audit.reinstated"));
    }

    @Transactional
    @PreAuthorize("@committeeAccess.may(#committee, 'KEEP_STRUCTURE')")
    public Department addDepartment(Committee committee, String name) {
        String clean = required(name, "namn", messages.get("structure.field.name"),
                messages.get("structure.error.departmentNameMissing"));
        if (organisation.departments(committee.id()).stream().anyMatch(d -> d.name().equalsIgnoreCase(clean))) {
            throw invalid("namn", messages.get("structure.error.departmentExists", clean));
        }
        changed(committee, messages.get("structure.audit.department"), messages.get("structure.audit.newDepartment", clean));
        return organisation.createDepartment(committee.id(), clean);
    }

    @Transactional
    @PreAuthorize("@committeeAccess.may(#committee, 'KEEP_STRUCTURE')")
    public void renameDepartment(Committee committee, long departmentId, String name) {
        String clean = required(name, "namn", messages.get("structure.field.name"),
                messages.get("structure.error.departmentNameMissing"));
        List<Department> departments = organisation.departments(committee.id());
        if (departments.stream().noneMatch(d -> d.id() == departmentId)) {
            throw new NotFoundException("structure.error.departmentNotFound");
        }
        if (departments.stream().anyMatch(d -> d.id() != departmentId && d.name().equalsIgnoreCase(clean))) {
            throw invalid("namn", messages.get("structure.error.departmentExists", clean));
        }
        organisation.renameDepartment(committee, departmentId, clean);
        changed(committee, messages.get("structure.audit.departmentId", String.valueOf(departmentId)),
                messages.get("structure.audit.newName", clean));
    }

    private void changed(Committee committee, String subject, String details) {
        audit.record(committee.id(), AuditActions.STRUCTURE_CHANGED, subject, details);
    }

    private void area(Committee committee, long areaId) {
        if (repository.areas(committee.organisationId()).stream().noneMatch(a -> a.id() == areaId)) {
            throw new NotFoundException("structure.error.areaNotFound");
        }
    }

    private void goal(Committee committee, long goalId) {
        if (repository.goals(committee.organisationId()).stream().noneMatch(g -> g.id() == goalId)) {
            throw new NotFoundException("structure.error.goalNotFound");
        }
    }

    private void requireOwnItem(Committee committee, long itemId) {
        long owner = repository.itemCommittee(itemId)
                .orElseThrow(() -> new NotFoundException("followup.error.itemNotFound", String.valueOf(itemId)));
        if (owner != committee.id()) {
            throw new NotFoundException("followup.error.itemNotFound", String.valueOf(itemId));
        }
    }

    /** {@code column}: the form's column its errors are matched by; {@code label}: the field's name in messages. */
    private static String required(String value, String column, String label, String message) {
        if (value == null || value.isBlank()) {
            throw invalid(column, message);
        }
        return InputText.cleanLine(column, label, value);
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException("structure.error.invalid", List.of(new ErrorDetail(null, field, message)));
    }
}
