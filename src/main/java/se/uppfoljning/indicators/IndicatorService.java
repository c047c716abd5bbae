package se.uppfoljning.indicators;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditService;
import se.uppfoljning.base.error.ConflictException;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.error.NotFoundException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.base.imports.TabularFile;
import se.uppfoljning.base.security.AppUserPrincipal;
import se.uppfoljning.base.security.CommitteeAccess;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.base.security.Right;
import se.uppfoljning.base.security.Unrestricted;
import se.uppfoljning.base.text.InputText;
import se.uppfoljning.indicators.internal.IndicatorRepository.ItemInfo;
import se.uppfoljning.indicators.internal.IndicatorRepository.StoredValue;
import se.uppfoljning.indicators.internal.IndicatorRepository.ValueWrite;
import se.uppfoljning.indicators.internal.IndicatorRepository;
import se.uppfoljning.indicators.kolada.KoladaClient;
import se.uppfoljning.indicators.kolada.KoladaUnavailableException;
import se.uppfoljning.indicators.kolada.KoladaValue;
import se.uppfoljning.notifications.NewNotification;
import se.uppfoljning.notifications.NotificationService;
import se.uppfoljning.organisation.Committee;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.users.UserService;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Indicators: the target of a goal or indicator as data, its measured values per year and gender with their history,
 * the proposed assessment, and fetching values from Kolada.
 * <p>
 * Who may do what (checked here, per committee): every member reads; the secretariat and admins set targets and
 * Kolada links (they keep the structure); the secretariat and the officials of the item's department enter values
 * and fetch one item from Kolada (as they edit its follow-up); the secretariat fetches all of a committee's items.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorService {

    private static final Logger log = LoggerFactory.getLogger(IndicatorService.class);
    private static final Set<String> GENDERS = Set.of("T", "K", "M");
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2200;
    /** Text fields of a target (unit, Kolada ids). */
    private static final int MAX_TEXT = 100;

    private final IndicatorRepository repository;
    private final OrganisationService organisation;
    private final KoladaClient kolada;
    private final NotificationService notifications;
    private final Messages messages;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final UserService users;
    private final AuditService audit;
    private final int koladaYears;
    private final int parallelRequests;


    IndicatorService(IndicatorRepository repository, OrganisationService organisation, KoladaClient kolada,
                     NotificationService notifications, Messages messages, Clock clock,
                     TransactionTemplate transaction, @Value("${app.kolada.years:10}") int koladaYears,
                     UserService users, @Value("${app.kolada.parallel-requests:4}") int parallelRequests,
                     AuditService audit) {
        this.audit = audit;
        this.users = users;
        this.parallelRequests = Math.max(1, parallelRequests);
        this.repository = repository;
        this.organisation = organisation;
        this.kolada = kolada;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
        this.transaction = transaction;
        this.koladaYears = koladaYears;
    }

    /** The item's target, values, history and proposal. Members of the committee. */
    @PreAuthorize("@committeeAccess.member(#committeeSlug)")
    public IndicatorDetail detail(String committeeSlug, long itemId) {
        Committee committee = organisation.committee(committeeSlug);
        ItemInfo item = measurable(committee, itemId);
        return detail(committee, item);
    }

    private IndicatorDetail detail(Committee committee, ItemInfo item) {
        AppUserPrincipal user = CurrentUser.get();
        Optional<IndicatorTarget> target = repository.target(item.id());
        List<MeasuredValue> values = repository.values(item.id());
        Proposal proposal = propose(target.orElse(null),
                values.stream().filter(v -> "T".equals(v.gender())).toList(), repository.goalScale(committee.organisationId()));
        return new IndicatorDetail(item.id(), target, values, repository.history(item.id()), proposal,
                mayEnterValues(user, item), mayChangeTarget(user, item.committeeId()));
    }

    /** This year by the application's clock: the default year of a value typed in. */
    @PreAuthorize("isAuthenticated()")
    public int currentYear() {
        return LocalDate.now(clock).getYear();
    }

    /** Whether the item can carry a target and values (goals and indicators, not assignments). */
    @PreAuthorize("@committeeAccess.member(#committeeSlug)")
    public boolean isMeasurable(String committeeSlug, long itemId) {
        Committee committee = organisation.committee(committeeSlug);
        return repository.item(itemId).filter(i -> i.committeeId() == committee.id())
                .map(i -> !"ASSIGNMENT".equals(i.kind())).orElse(false);
    }

    /**
     * Sets the item's target and Kolada link. Secretariat or admin. Refused (nothing changes): an unknown kind, a
     * missing or superfluous value, a Kolada KPI without a municipality or unit (or both), someone saved since
     * {@code change.version()} (409).
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#committeeSlug, 'KEEP_STRUCTURE')")
    public IndicatorTarget setTarget(String committeeSlug, long itemId, TargetChange change) {
        Committee committee = organisation.committee(committeeSlug);
        measurable(committee, itemId);
        AppUserPrincipal user = CurrentUser.get();
        IndicatorTarget target = validTarget(itemId, change);
        if (!repository.writeTarget(target, change.version(), user.username(), now())) {
            throw new ConflictException("indicators.error.staleTarget");
        }
        return repository.target(itemId).orElseThrow();
    }

    private static IndicatorTarget validTarget(long itemId, TargetChange change) {
        TargetKind kind = TargetKind.parse(change.kind())
                .orElseThrow(() -> new ValidationException("indicators.error.unknownKind",
                        change.kind() == null ? "" : change.kind()));
        if (kind.needsValue() && change.value() == null) {
            throw new ValidationException("indicators.error.valueRequired", kind.word());
        }
        if (!kind.needsValue() && change.value() != null) {
            throw new ValidationException("indicators.error.valueNotAllowed", kind.word());
        }
        if (change.comparisonYear() != null && (!kind.comparesYears()
                || change.comparisonYear() < MIN_YEAR || change.comparisonYear() > MAX_YEAR)) {
            throw new ValidationException("indicators.error.comparisonYear");
        }
        String kpi = text(change.koladaKpi());
        String municipality = text(change.koladaMunicipality());
        String unit = text(change.koladaUnit());
        if (kpi != null && (municipality == null) == (unit == null)) {
            throw new ValidationException("indicators.error.koladaArea");
        }
        if (kpi == null && (municipality != null || unit != null)) {
            throw new ValidationException("indicators.error.koladaKpiMissing");
        }
        for (String id : new String[]{kpi, municipality, unit}) {
            if (id != null && !id.matches("[A-Za-z0-9_-]{1,40}")) {
                throw new ValidationException("indicators.error.koladaId", id);
            }
        }
        String unitText = text(change.unit());
        if (unitText != null) {
            InputText.clean(TargetInput.COLUMN_UNIT, Messages.text("structure.targetUnit"), unitText);
        }
        BigDecimal value = change.value() == null ? null : change.value().stripTrailingZeros();
        if (value != null && !Numbers.inRange(value)) {
            throw new ValidationException("indicators.error.valueRange");
        }
        return new IndicatorTarget(itemId, kind, value, unitText, change.comparisonYear(), kpi, municipality, unit,
                change.version(), null, null);
    }

    private static String text(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.strip().length() > MAX_TEXT) {
            throw new ValidationException("indicators.error.textTooLong", String.valueOf(MAX_TEXT));
        }
        return s.strip();
    }

    /** The item's target and Kolada link, if one is recorded. Members of the committee. */
    @PreAuthorize("@committeeAccess.member(#committeeSlug)")
    public Optional<IndicatorTarget> target(String committeeSlug, long itemId) {
        Committee committee = organisation.committee(committeeSlug);
        return repository.item(itemId).filter(i -> i.committeeId() == committee.id())
                .flatMap(i -> repository.target(i.id()));
    }

    /**
     * Checks a target typed in the structure editor or read from a structure file: each problem an
     * {@link ErrorDetail} with {@code line} and the {@link TargetInput} column it concerns, in Swedish; empty when the
     * input is fine or empty. {@code assignment}: the item is an assignment, which carries no target.
     */
    @Unrestricted("checks the given texts; reads and writes nothing")
    public List<ErrorDetail> checkTarget(Integer line, TargetInput input, boolean assignment) {
        List<ErrorDetail> errors = new ArrayList<>();
        parseTarget(line, input, assignment, errors);
        return errors;
    }

    /**
     * Sets the item's target from the structure (editor or file) within the caller's transaction, keeping its Kolada
     * link. Secretariat or admin. An empty input changes nothing. {@code expectedVersion}: the target's version as
     * the editor read it (0: none), or null to take the stored one (a file). Returns what changed, empty when
     * nothing did. Refused (nothing changes): a bad input ({@link ValidationException} with the details of
     * {@link #checkTarget}), someone saved the target since it was read (409).
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#committeeSlug, 'KEEP_STRUCTURE')")
    public Optional<TargetUpdate> applyTarget(String committeeSlug, long itemId, TargetInput input,
                                              Integer expectedVersion) {
        if (input == null || input.isEmpty()) {
            return Optional.empty(); // most structure rows carry no target: no statement for them
        }
        Committee committee = organisation.committee(committeeSlug);
        AppUserPrincipal user = CurrentUser.get();
        ItemInfo item = repository.item(itemId).filter(i -> i.committeeId() == committee.id())
                .orElseThrow(() -> new NotFoundException("followup.error.itemNotFound", String.valueOf(itemId)));
        List<ErrorDetail> errors = new ArrayList<>();
        IndicatorTarget parsed = parseTarget(null, input, "ASSIGNMENT".equals(item.kind()), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException("indicators.error.invalidTarget", errors);
        }
        Optional<IndicatorTarget> stored = repository.target(itemId);
        int version = stored.map(IndicatorTarget::version).orElse(0);
        if (expectedVersion != null && expectedVersion != version) {
            throw new ConflictException("indicators.error.staleTarget");
        }
        if (stored.isPresent() && sameTarget(stored.get(), parsed)) {
            return Optional.empty();
        }
        IndicatorTarget before = stored.orElse(null);
        IndicatorTarget target = validTarget(itemId, new TargetChange(parsed.kind().name(), parsed.value(),
                parsed.unit(), parsed.comparisonYear(), before == null ? null : before.koladaKpi(),
                before == null ? null : before.koladaMunicipality(), before == null ? null : before.koladaUnit(),
                version));
        if (!repository.writeTarget(target, version, user.username(), now())) {
            throw new ConflictException("indicators.error.staleTarget");
        }
        return Optional.of(new TargetUpdate(before == null ? null : before.printed(), target.printed()));
    }

    private static boolean sameTarget(IndicatorTarget a, IndicatorTarget b) {
        return a.kind() == b.kind() && Objects.equals(a.unit(), b.unit())
                && Objects.equals(a.comparisonYear(), b.comparisonYear())
                && (a.value() == null ? b.value() == null : b.value() != null && a.value().compareTo(b.value()) == 0);
    }

    /** The target the texts describe (Kolada link empty), or null with the problems added to {@code errors}. */
    private IndicatorTarget parseTarget(Integer line, TargetInput in, boolean assignment, List<ErrorDetail> errors) {
        if (in == null || in.isEmpty()) {
            return null;
        }
        int before = errors.size();
        if (assignment) {
            errors.add(new ErrorDetail(line, TargetInput.COLUMN_KIND, messages.get("indicators.error.assignment")));
            return null;
        }
        if (TargetInput.blank(in.kind())) {
            errors.add(new ErrorDetail(line, TargetInput.COLUMN_KIND, messages.get("indicators.error.kindMissing")));
            return null;
        }
        TargetKind kind = TargetKind.parse(in.kind()).orElse(null);
        if (kind == null) {
            errors.add(new ErrorDetail(line, TargetInput.COLUMN_KIND,
                    messages.get("indicators.error.unknownKind", in.kind().strip())));
            return null;
        }
        BigDecimal value = null;
        try {
            value = Numbers.parse(in.value());
        } catch (NumberFormatException e) {
            errors.add(new ErrorDetail(line, TargetInput.COLUMN_VALUE,
                    messages.get("indicators.error.valueNotNumber", in.value().strip())));
        }
        if (value != null) {
            value = value.stripTrailingZeros();
            if (!Numbers.inRange(value)) {
                errors.add(new ErrorDetail(line, TargetInput.COLUMN_VALUE, messages.get("indicators.error.valueRange")));
            } else if (!kind.needsValue()) {
                errors.add(new ErrorDetail(line, TargetInput.COLUMN_VALUE,
                        messages.get("indicators.error.valueNotAllowed", kind.word())));
            }
        } else if (kind.needsValue() && errors.size() == before) {
            errors.add(new ErrorDetail(line, TargetInput.COLUMN_VALUE,
                    messages.get("indicators.error.valueRequired", kind.word())));
        }
        String unit = TargetInput.blank(in.unit()) ? null : in.unit().strip();
        if (unit != null) {
            if (unit.length() > MAX_TEXT) {
                errors.add(new ErrorDetail(line, TargetInput.COLUMN_UNIT,
                        messages.get("indicators.error.textTooLong", String.valueOf(MAX_TEXT))));
            } else {
                try {
                    unit = InputText.cleanLine(TargetInput.COLUMN_UNIT, unit);
                } catch (ValidationException e) {
                    errors.add(new ErrorDetail(line, TargetInput.COLUMN_UNIT, messages.of(e)));
                }
            }
        }
        Integer year = null;
        if (!TargetInput.blank(in.comparisonYear())) {
            try {
                year = Integer.valueOf(in.comparisonYear().strip());
            } catch (NumberFormatException e) {
                year = -1;
            }
            if (!kind.comparesYears() || year < MIN_YEAR || year > MAX_YEAR) {
                errors.add(new ErrorDetail(line, TargetInput.COLUMN_YEAR,
                        messages.get("indicators.error.comparisonYear")));
            }
        }
        return errors.size() > before ? null
                : new IndicatorTarget(0, kind, value, unit, year, null, null, null, 0, null, null);
    }

    /**
     * Sets the targets listed in a file (CSV or XLSX; columns {@code nummer}, {@code malvarde_typ}, {@code malvarde},
     * {@code enhet}, {@code jamforelsear}, {@code kolada_kpi}, {@code kolada_kommun}, {@code kolada_enhet}) on the
     * committee's items of the plan year, by number; returns how many were set. Secretariat or admin; all or nothing.
     * The demo loads its targets with it.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#committeeSlug, 'KEEP_STRUCTURE')")
    public int importTargets(String committeeSlug, int planYear, String fileName, byte[] content) {
        Committee committee = organisation.committee(committeeSlug);
        AppUserPrincipal user = CurrentUser.get();
        var file = TabularFile.read(fileName, content, 1 << 20,
                List.of("nummer", "malvarde_typ"));
        int count = 0;
        for (var row : file.rows()) {
            long itemId = repository.itemByNumber(committee.id(), planYear, row.get("nummer").strip())
                    .orElseThrow(() -> new NotFoundException("followup.error.itemNotFound", row.get("nummer")));
            ItemInfo item = measurable(committee, itemId);
            BigDecimal value;
            Integer year;
            try {
                value = Numbers.parse(row.get("malvarde"));
                year = row.get("jamforelsear").isBlank() ? null : Integer.valueOf(row.get("jamforelsear").strip());
            } catch (NumberFormatException e) {
                throw new ValidationException("indicators.error.valueNotNumber", row.get("malvarde"));
            }
            int version = repository.target(item.id()).map(IndicatorTarget::version).orElse(0);
            IndicatorTarget target = validTarget(item.id(), new TargetChange(row.get("malvarde_typ"), value,
                    row.get("enhet"), year, row.get("kolada_kpi"), row.get("kolada_kommun"), row.get("kolada_enhet"),
                    version));
            if (!repository.writeTarget(target, version, user.username(), now())) {
                throw new ConflictException("indicators.error.staleTarget");
            }
            count++;
        }
        return count;
    }

    /** The required columns of a file of measured values; {@code kon} (T/K/M) and {@code preliminar} (ja/nej) optional. */
    public static final List<String> VALUE_COLUMNS = List.of("nummer", "ar", "varde");
    public static final long MAX_VALUE_FILE_BYTES = 2L * 1024 * 1024;

    /**
     * What the current user may do with the committee's indicators as a whole (for the views: they never ask for
     * roles). Reads nothing: the overview opens in a fixed number of statements.
     */
    @PreAuthorize("@committeeAccess.member(#committeeId)")
    public IndicatorRights rights(long committeeId) {
        return new IndicatorRights(CommitteeAccess.holds(committeeId, Right.EDIT_FOLLOW_UP),
                CommitteeAccess.holds(committeeId, Right.REFRESH_INDICATORS));
    }

    /**
     * What importing the file of measured values would do, without writing anything. See {@link #importValues}.
     */
    @PreAuthorize("@committeeAccess.may(#committeeSlug, 'EDIT_FOLLOW_UP')")
    public ValueImport previewValues(String committeeSlug, int planYear, String fileName, byte[] content) {
        Committee committee = organisation.committee(committeeSlug);
        return planValues(committee, planYear, fileName, content).result();
    }

    /**
     * Imports measured values from a spreadsheet (CSV or XLSX through the one tabular reader; columns
     * {@code nummer} – the item's number in plan year {@code planYear} –, {@code ar}, {@code varde}, optional
     * {@code kon} T/K/M (default T) and {@code preliminar} ja/nej), source IMPORT with the file name. Who may enter
     * the item's values may import them: the secretariat, the officials of the item's department. The whole file is
     * checked first: any bad row (unknown number, an assignment, another department's item, a bad year, value,
     * gender or flag, the same value twice) is refused with its line and column and nothing is written. A changed
     * value keeps the old one in the history; an unchanged one is not written again.
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#committeeSlug, 'EDIT_FOLLOW_UP')")
    public ValueImport importValues(String committeeSlug, int planYear, String fileName, byte[] content) {
        Committee committee = organisation.committee(committeeSlug);
        PlannedImport plan = planValues(committee, planYear, fileName, content);
        AppUserPrincipal user = CurrentUser.get();
        if (!repository.write(plan.writes(), user.username(), now())) {
            throw new ConflictException("indicators.error.staleImport");
        }
        ValueImport result = plan.result();
        if (result.added() + result.revised() > 0) {
            audit.record(committee.id(), AuditActions.INDICATOR_VALUES_CHANGED, result.fileName(),
                    messages.get("indicators.audit.imported", result.added(), result.revised(), result.unchanged()));
        }
        return result;
    }

    private record PlannedImport(ValueImport result, List<ValueWrite> writes) {
    }

    private PlannedImport planValues(Committee committee, int planYear, String fileName, byte[] content) {
        AppUserPrincipal user = CurrentUser.get();
        String name = fileName == null || fileName.isBlank() ? "–" : fileName.strip();
        if (name.length() > MAX_TEXT) {
            name = name.substring(0, MAX_TEXT);
        }
        TabularFile file = TabularFile.read(fileName, content, MAX_VALUE_FILE_BYTES, VALUE_COLUMNS);
        List<ErrorDetail> missing = file.missingColumns(VALUE_COLUMNS);
        if (!missing.isEmpty()) {
            throw new ValidationException("import.error.invalid", missing);
        }
        Map<String, ItemInfo> items = repository.itemsByNumber(committee.id(), planYear);
        List<ErrorDetail> errors = new ArrayList<>();
        record Parsed(int line, ItemInfo item, int year, String gender, BigDecimal value, boolean preliminary) {
        }
        List<Parsed> parsed = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (TabularFile.Row row : file.rows()) {
            int line = row.line();
            int before = errors.size();
            String number = row.get("nummer");
            ItemInfo item = items.get(number);
            if (number.isEmpty()) {
                errors.add(new ErrorDetail(line, "nummer", messages.get("indicators.import.numberMissing")));
            } else if (item == null) {
                errors.add(new ErrorDetail(line, "nummer", messages.get("indicators.import.unknownNumber", number,
                        String.valueOf(planYear))));
            } else if ("ASSIGNMENT".equals(item.kind())) {
                errors.add(new ErrorDetail(line, "nummer", messages.get("indicators.error.assignment")));
            } else if (!mayEnterValues(user, item)) {
                errors.add(new ErrorDetail(line, "nummer", messages.get("indicators.import.notAllowed", number)));
            }
            Integer year = null;
            try {
                year = Integer.valueOf(row.get("ar").strip());
            } catch (NumberFormatException e) {
                // reported below
            }
            if (year == null || year < MIN_YEAR || year > MAX_YEAR) {
                errors.add(new ErrorDetail(line, "ar", messages.get("indicators.error.year", String.valueOf(MIN_YEAR),
                        String.valueOf(MAX_YEAR))));
            }
            BigDecimal value = null;
            try {
                value = Numbers.parse(row.get("varde"));
                if (value == null) {
                    errors.add(new ErrorDetail(line, "varde", messages.get("indicators.error.valueMissing")));
                } else {
                    value = value.stripTrailingZeros();
                    if (!Numbers.inRange(value)) {
                        errors.add(new ErrorDetail(line, "varde", messages.get("indicators.error.valueRange")));
                    }
                }
            } catch (NumberFormatException e) {
                errors.add(new ErrorDetail(line, "varde", messages.get("indicators.error.valueNotNumber",
                        row.get("varde"))));
            }
            String gender = row.get("kon").isEmpty() ? "T" : row.get("kon").toUpperCase(Locale.ROOT);
            if (!GENDERS.contains(gender)) {
                errors.add(new ErrorDetail(line, "kon", messages.get("indicators.error.gender")));
            }
            Boolean preliminary = switch (row.get("preliminar").toLowerCase(Locale.ROOT)) {
                case "", "nej" -> false;
                case "ja" -> true;
                default -> null;
            };
            if (preliminary == null) {
                errors.add(new ErrorDetail(line, "preliminar", messages.get("indicators.import.yesNo",
                        row.get("preliminar"))));
            }
            if (errors.size() > before) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(item.id() + ":" + year + ":" + gender, line);
            if (earlier != null) {
                errors.add(new ErrorDetail(line, "ar", messages.get("indicators.import.duplicate",
                        String.valueOf(earlier))));
                continue;
            }
            parsed.add(new Parsed(line, item, year, gender, value, preliminary));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("import.error.invalid", errors);
        }
        if (parsed.isEmpty()) {
            throw new ValidationException("indicators.import.noRows");
        }
        Map<Long, Map<String, StoredValue>> stored = repository.storedValues(
                parsed.stream().map(p -> p.item().id()).distinct().toList());
        List<ValueWrite> writes = new ArrayList<>();
        List<ValueImport.Line> lines = new ArrayList<>();
        int added = 0;
        int revised = 0;
        for (Parsed p : parsed) {
            StoredValue before = stored.getOrDefault(p.item().id(), Map.of()).get(p.year() + ":" + p.gender());
            ValueImport.Outcome outcome;
            if (before == null) {
                outcome = ValueImport.Outcome.ADDED;
                added++;
            } else if (before.value() != null && before.value().compareTo(p.value()) == 0
                    && before.preliminary() == p.preliminary()) {
                outcome = ValueImport.Outcome.UNCHANGED;
            } else {
                outcome = ValueImport.Outcome.REVISED;
                revised++;
            }
            if (outcome != ValueImport.Outcome.UNCHANGED) {
                writes.add(new ValueWrite(p.item().id(), p.year(), p.gender(), p.value(), p.preliminary(),
                        ValueSource.IMPORT, name, null, null, before));
            }
            lines.add(new ValueImport.Line(p.line(), p.item().number(), p.year(), p.gender(),
                    before == null ? null : before.value(), p.value(), p.preliminary(), outcome));
        }
        return new PlannedImport(new ValueImport(name, parsed.size(), added, revised,
                parsed.size() - added - revised, lines), writes);
    }

    /**
     * Saves a measured value typed by a user (source MANUAL). Secretariat or an official of the item's department.
     * The old value is kept in the history. Refused (nothing changes): a year outside 1900–2200, a gender other than
     * T/K/M, no value, someone saved this value since {@code change.version()} was read (409; 0 means "new").
     */
    @Transactional
    @PreAuthorize("@committeeAccess.may(#committeeSlug, 'EDIT_FOLLOW_UP')")
    public IndicatorDetail saveValue(String committeeSlug, long itemId, ValueChange change) {
        Committee committee = organisation.committee(committeeSlug);
        ItemInfo item = measurable(committee, itemId);
        AppUserPrincipal user = requireValueEditor(item);
        if (change.year() < MIN_YEAR || change.year() > MAX_YEAR) {
            throw new ValidationException("indicators.error.year", String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR));
        }
        String gender = change.gender() == null ? "T" : change.gender().strip().toUpperCase(Locale.ROOT);
        if (!GENDERS.contains(gender)) {
            throw new ValidationException("indicators.error.gender");
        }
        if (change.value() == null) {
            throw new ValidationException("indicators.error.valueMissing");
        }
        BigDecimal value = change.value().stripTrailingZeros();
        if (!Numbers.inRange(value)) {
            throw new ValidationException("indicators.error.valueRange");
        }
        Optional<StoredValue> before = repository.storedValue(itemId, change.year(), gender);
        int storedVersion = before.map(StoredValue::version).orElse(0);
        if (storedVersion != change.version()) {
            throw new ConflictException("indicators.error.staleValue", String.valueOf(change.year()));
        }
        if (before.isPresent() && before.get().value() != null && before.get().value().compareTo(value) == 0
                && before.get().preliminary() == change.preliminary() && "MANUAL".equals(before.get().source())) {
            return detail(committee, item); // nothing changed: no new version
        }
        boolean written = repository.write(List.of(new ValueWrite(itemId, change.year(), gender, value,
                change.preliminary(), ValueSource.MANUAL, null, null, null, before.orElse(null))),
                user.username(), now());
        if (!written) {
            throw new ConflictException("indicators.error.staleValue", String.valueOf(change.year()));
        }
        audit.record(committee.id(), AuditActions.INDICATOR_VALUES_CHANGED,
                item.number() == null ? item.text() : item.number() + " " + item.text(),
                messages.get("indicators.audit.saved", String.valueOf(change.year()), genderName(gender),
                        before.map(b -> Numbers.format(b.value())).orElse("–"), Numbers.format(value),
                        change.preliminary() ? ", " + messages.get("indicators.ui.preliminary").toLowerCase(Locale.ROOT)
                                : ""));
        return detail(committee, item);
    }

    /** Fetches one item's values from Kolada. Who may enter its values. See {@link #refreshCommittee}. */
    // no transaction while waiting for Kolada; the writes get their own
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    @PreAuthorize("@committeeAccess.may(#committeeSlug, 'EDIT_FOLLOW_UP')")
    public KoladaRefresh refreshItem(String committeeSlug, long itemId) {
        Committee committee = organisation.committee(committeeSlug);
        ItemInfo item = measurable(committee, itemId);
        requireValueEditor(item);
        IndicatorTarget target = repository.target(itemId).filter(IndicatorTarget::linkedToKolada)
                .orElseThrow(() -> new ValidationException("indicators.error.notLinked"));
        return refresh(committee, List.of(target));
    }

    /**
     * Fetches the values of every item of the committee linked to Kolada, for the last {@code app.kolada.years}
     * years. Secretariat. Everything is fetched first, then written in one transaction: when Kolada cannot be reached
     * or answers with an error, the {@link se.uppfoljning.indicators.kolada.KoladaUnavailableException} says so in
     * Swedish and nothing has changed. A value Kolada changed since the last fetch is updated, its old value kept in
     * the history, and the officials of the item's department are notified.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    @PreAuthorize("@committeeAccess.may(#committeeSlug, 'REFRESH_INDICATORS')")
    public KoladaRefresh refreshCommittee(String committeeSlug) {
        Committee committee = organisation.committee(committeeSlug);
        return refresh(committee, repository.linkedTargets(committee.id()));
    }

    private KoladaRefresh refresh(Committee committee, List<IndicatorTarget> targets) {
        int thisYear = LocalDate.now(clock).getYear();
        List<Integer> years = IntStream.rangeClosed(thisYear - koladaYears + 1, thisYear).boxed().toList();
        long started = System.nanoTime();
        Map<Long, List<KoladaValue>> fetched = fetch(targets, years); // network first, outside any transaction
        AppUserPrincipal user = CurrentUser.get();
        long fetchedAt = System.nanoTime();
        KoladaRefresh result = transaction.execute(status -> write(committee, targets, fetched, user));
        log.info("Kolada: {} indikatorer i {}: hämtning {} ms, skrivning {} ms", fetched.size(), committee.slug(),
                (fetchedAt - started) / 1_000_000, (System.nanoTime() - fetchedAt) / 1_000_000);
        return result;
    }

    /**
     * Each target's values, at most {@code app.kolada.parallel-requests} requests in flight (Kolada answers in tens of
     * milliseconds each; one at a time, 200 indicators take seconds). The requests run on the HTTP client's own
     * threads ({@code sendAsync}): no pool is made per refresh. The first failure ends the fetch.
     */
    private Map<Long, List<KoladaValue>> fetch(List<IndicatorTarget> targets, List<Integer> years) {
        Map<Long, List<KoladaValue>> fetched = new LinkedHashMap<>();
        if (targets.isEmpty()) {
            return fetched;
        }
        List<KoladaValue>[] results = newResults(targets.size());
        AtomicInteger next = new AtomicInteger();
        CompletableFuture<Void> failed = new CompletableFuture<>();
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        // each lane takes the next target when its request is answered: a bounded number of requests at a time
        for (int lane = 0; lane < Math.min(parallelRequests, targets.size()); lane++) {
            CompletableFuture<Void> chain = nextInLane(targets, years, results, next, failed);
            chain.whenComplete((done, failure) -> {
                if (failure != null) {
                    failed.completeExceptionally(failure);
                }
            });
            lanes.add(chain);
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new));
        try {
            CompletableFuture.anyOf(all, failed).get();
        } catch (ExecutionException e) {
            lanes.forEach(l -> l.cancel(true));
            throw KoladaClient.unwrap(e);
        } catch (InterruptedException e) {
            lanes.forEach(l -> l.cancel(true));
            Thread.currentThread().interrupt();
            throw new KoladaUnavailableException("indicators.kolada.unreachable", kolada.baseUrl());
        }
        for (int i = 0; i < targets.size(); i++) {
            fetched.put(targets.get(i).itemId(), results[i]);
        }
        return fetched;
    }

    @SuppressWarnings("unchecked")
    private static List<KoladaValue>[] newResults(int size) {
        return (List<KoladaValue>[]) new List[size];
    }

    private CompletableFuture<Void> nextInLane(List<IndicatorTarget> targets, List<Integer> years,
                                               List<KoladaValue>[] results, AtomicInteger next,
                                               CompletableFuture<Void> failed) {
        int i = next.getAndIncrement();
        if (i >= targets.size() || failed.isDone()) {
            return CompletableFuture.completedFuture(null);
        }
        IndicatorTarget t = targets.get(i);
        CompletableFuture<List<KoladaValue>> request = t.koladaUnit() != null
                ? kolada.unitValuesAsync(t.koladaKpi(), t.koladaUnit(), years)
                : kolada.municipalityValuesAsync(t.koladaKpi(), t.koladaMunicipality(), years);
        return request.thenCompose(values -> {
            results[i] = values;
            return nextInLane(targets, years, results, next, failed);
        });
    }

    private KoladaRefresh write(Committee committee, List<IndicatorTarget> targets,
                                Map<Long, List<KoladaValue>> fetched, AppUserPrincipal user) {
        OffsetDateTime now = now();
        Map<Long, Map<String, StoredValue>> stored = repository.storedValues(fetched.keySet());
        Map<Long, IndicatorTarget> byItem = new HashMap<>();
        targets.forEach(t -> byItem.put(t.itemId(), t));
        List<ValueWrite> writes = new ArrayList<>();
        List<KoladaRefresh.Change> changes = new ArrayList<>();
        List<Long> unchanged = new ArrayList<>();
        int added = 0;
        int revised = 0;
        for (var entry : fetched.entrySet()) {
            long itemId = entry.getKey();
            IndicatorTarget target = byItem.get(itemId);
            Map<String, StoredValue> existing = stored.getOrDefault(itemId, Map.of());
            Set<String> seen = new HashSet<>();
            for (KoladaValue v : entry.getValue()) {
                String gender = GENDERS.contains(v.gender()) ? v.gender() : null;
                if (gender == null || v.value() == null || !seen.add(v.year() + ":" + gender)) {
                    continue; // Kolada publishes nulls (e.g. too few answers): nothing to store
                }
                BigDecimal value = v.value().stripTrailingZeros();
                StoredValue before = existing.get(v.year() + ":" + gender);
                if (before != null && before.value() != null && before.value().compareTo(value) == 0
                        && "KOLADA".equals(before.source())) {
                    unchanged.add(before.id());
                    continue;
                }
                writes.add(new ValueWrite(itemId, v.year(), gender, value, false, ValueSource.KOLADA,
                        target.koladaKpi(), v.status(), now, before));
                changes.add(new KoladaRefresh.Change(itemId, null, target.koladaKpi(), v.year(), gender,
                        before == null ? null : before.value(), value, before != null));
                if (before == null) {
                    added++;
                } else {
                    revised++;
                }
            }
        }
        if (!repository.write(writes, user.username(), now)) {
            throw new ConflictException("indicators.error.staleRefresh");
        }
        repository.touchFetched(unchanged, now);
        if (added + revised > 0) {
            audit.record(committee.id(), AuditActions.INDICATOR_VALUES_CHANGED, "Kolada",
                    messages.get("indicators.audit.fetched", added, revised, unchanged.size()));
        }
        Map<Long, ItemInfo> items = repository.items(fetched.keySet());
        List<KoladaRefresh.Change> named = changes.stream().map(c -> new KoladaRefresh.Change(c.itemId(),
                items.get(c.itemId()).number(), c.kpi(), c.year(), c.gender(), c.oldValue(), c.newValue(),
                c.revision())).toList();
        notifyOwners(committee, named.stream().filter(KoladaRefresh.Change::revision).toList(), items);
        log.info("Kolada: {} indikatorer i {} hämtade av {}: {} nya, {} ändrade, {} oförändrade värden",
                fetched.size(), committee.slug(), user.username(), added, revised, unchanged.size());
        return new KoladaRefresh(fetched.size(), added, revised, unchanged.size(), named);
    }

    /** One notification per official of the item's department and item, naming each revised year. */
    private void notifyOwners(Committee committee, List<KoladaRefresh.Change> revisions, Map<Long, ItemInfo> items) {
        Map<Long, List<KoladaRefresh.Change>> byItem = new LinkedHashMap<>();
        revisions.forEach(c -> byItem.computeIfAbsent(c.itemId(), k -> new ArrayList<>()).add(c));
        List<NewNotification> created = new ArrayList<>();
        for (var entry : byItem.entrySet()) {
            ItemInfo item = items.get(entry.getKey());
            if (item.departmentId() == null) {
                continue;
            }
            String name = item.number() == null ? item.text() : item.number() + " " + item.text();
            String title = messages.get("indicators.revised.title", item.number() == null ? "" : item.number());
            StringBuilder body = new StringBuilder(messages.get("indicators.revised.body", name));
            for (KoladaRefresh.Change c : entry.getValue()) {
                body.append("\n").append(messages.get("indicators.revised.line", String.valueOf(c.year()),
                        genderName(c.gender()), Numbers.format(c.oldValue()), Numbers.format(c.newValue())));
            }
            body.append("\n").append(messages.get("indicators.source.kolada"));
            String link = "uppfoljning?namnd=" + committee.slug();
            for (Long userId : users.departmentOfficials(committee.id(), item.departmentId())) {
                created.add(new NewNotification(userId, committee.id(), title, body.toString(), link));
            }
        }
        notifications.create(created);
    }

    private String genderName(String gender) {
        return messages.get("indicators.gender." + gender);
    }

    /**
     * Each goal and indicator of the committee with a target: its latest total value against the target (for
     * Framsteg and the export). Members. Two statements whatever the number of items.
     */
    @PreAuthorize("@committeeAccess.member(#committeeSlug)")
    public Map<Long, IndicatorStatus> statuses(String committeeSlug) {
        return statuses(organisation.committee(committeeSlug), Integer.MAX_VALUE);
    }

    /**
     * As {@link #statuses(String)} for a committee at hand (no look-up), from the values up to and including {@code lastYear} only: a period's documents
     * and export show what was known for the period's year, not a value of a later year fetched afterwards.
     */
    @PreAuthorize("@committeeAccess.member(#committee)")
    public Map<Long, IndicatorStatus> statuses(Committee committee, int lastYear) {
        Map<String, String> scale = repository.goalScale(committee.organisationId());
        Map<Long, IndicatorStatus> result = new LinkedHashMap<>();
        repository.targetsWithTotals(committee.id()).forEach((itemId, all) -> {
            var t = all.upTo(lastYear);
            Proposal p = propose(t.target(), t.totals(), scale);
            MeasuredValue latest = latest(t.totals());
            result.put(itemId, new IndicatorStatus(itemId, t.target().printed(), latest == null ? null : latest.year(),
                    latest == null ? null : latest.value(), latest != null && latest.preliminary(),
                    latest != null && latest.source() == ValueSource.KOLADA, p.outcome()));
        });
        return result;
    }

    /**
     * The proposal from the latest total value and the target: AT_LEAST/AT_MOST compare with the target value,
     * INCREASE/DECREASE with the value of the comparison year (or the latest year before with a value). Met → the
     * scale's first "success" label ("Uppfylls"), missed → its first "error" label ("Uppfylls ej").
     */
    Proposal propose(IndicatorTarget target, List<MeasuredValue> totals, Map<String, String> scale) {
        if (target == null || target.kind() == TargetKind.NONE) {
            return new Proposal(Proposal.Outcome.NO_TARGET, null, messages.get("indicators.proposal.noTarget"));
        }
        MeasuredValue latest = latest(totals);
        if (latest == null) {
            return new Proposal(Proposal.Outcome.NO_VALUE, null, messages.get("indicators.proposal.noValue"));
        }
        String latestText = messages.get(latest.preliminary() ? "indicators.proposal.valuePreliminary"
                : "indicators.proposal.value", Numbers.format(latest.value()), String.valueOf(latest.year()));
        boolean met;
        String comparison;
        switch (target.kind()) {
            case AT_LEAST, AT_MOST -> {
                int cmp = latest.value().compareTo(target.value());
                met = target.kind() == TargetKind.AT_LEAST ? cmp >= 0 : cmp <= 0;
                String sign = target.kind() == TargetKind.AT_LEAST ? (met ? "≥" : "<") : (met ? "≤" : ">");
                comparison = messages.get("indicators.proposal.against", latestText, sign, target.printed());
            }
            default -> {
                MeasuredValue base = totals.stream()
                        .filter(v -> v.value() != null && (target.comparisonYear() != null
                                ? v.year() == target.comparisonYear() : v.year() < latest.year()))
                        .reduce((a, b) -> b).orElse(null);
                if (base == null || base.year() >= latest.year()) {
                    return new Proposal(Proposal.Outcome.NO_COMPARISON, null,
                            messages.get("indicators.proposal.noComparison", latestText, target.kind().word()));
                }
                int cmp = latest.value().compareTo(base.value());
                met = target.kind() == TargetKind.INCREASE ? cmp > 0 : cmp < 0;
                String sign = cmp > 0 ? ">" : cmp < 0 ? "<" : "=";
                comparison = messages.get("indicators.proposal.change", latestText, sign,
                        Numbers.format(base.value()), String.valueOf(base.year()), target.kind().word());
            }
        }
        String status = scale.entrySet().stream().filter(e -> e.getValue().equals(met ? "success" : "error"))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        return new Proposal(met ? Proposal.Outcome.MET : Proposal.Outcome.NOT_MET, status,
                messages.get("indicators.proposal.result", comparison,
                        status == null ? messages.get(met ? "indicators.proposal.met" : "indicators.proposal.notMet")
                                : status));
    }

    private static MeasuredValue latest(List<MeasuredValue> totals) {
        return totals.stream().filter(v -> v.value() != null).reduce((a, b) -> b).orElse(null);
    }

    /** The item in the committee that can carry a target: 404 when not the committee's, 422 for an assignment. */
    private ItemInfo measurable(Committee committee, long itemId) {
        ItemInfo item = repository.item(itemId).filter(i -> i.committeeId() == committee.id())
                .orElseThrow(() -> new NotFoundException("followup.error.itemNotFound", String.valueOf(itemId)));
        if ("ASSIGNMENT".equals(item.kind())) {
            throw new ValidationException("indicators.error.assignment");
        }
        return item;
    }

    private static AppUserPrincipal requireValueEditor(ItemInfo item) {
        AppUserPrincipal user = CurrentUser.get();
        if (!mayEnterValues(user, item)) {
            log.warn("Nekad ändring av indikatorvärden: {} för post {}", user.username(), item.id());
            throw new AccessDeniedException("indicators.error.notAllowed");
        }
        return user;
    }

    /** As follow-up editing: the committee's secretariat, or an official of the item's department. */
    static boolean mayEnterValues(AppUserPrincipal user, ItemInfo item) {
        return CommitteeAccess.mayForDepartment(user, item.committeeId(), item.departmentId(), Right.EDIT_FOLLOW_UP);
    }

    static boolean mayChangeTarget(AppUserPrincipal user, long committeeId) {
        return CommitteeAccess.holds(user, committeeId, Right.KEEP_STRUCTURE);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
