package se.uppfoljning.periods.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import se.uppfoljning.base.ui.Confirmation;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.base.ui.SwedishComponents;
import se.uppfoljning.drafts.DraftKey;
import se.uppfoljning.drafts.DraftService;
import se.uppfoljning.drafts.ui.DraftKeeper;
import se.uppfoljning.organisation.Committee;
import se.uppfoljning.periods.Decision;
import se.uppfoljning.periods.NewPeriod;
import se.uppfoljning.periods.PeriodDetails;
import se.uppfoljning.periods.PeriodKind;
import se.uppfoljning.periods.PeriodRights;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.periods.PeriodState;
import se.uppfoljning.ui.MainLayout;
import se.uppfoljning.ui.SelectedContext;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.readiness.CompletenessService;
import se.uppfoljning.readiness.DepartmentCompleteness;
import se.uppfoljning.readiness.PeriodCompleteness;
import se.uppfoljning.readiness.ReminderService;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The secretariat's periods: create, submit for review, record the decision; reopening for administrators. */
@Route(value = "perioder", layout = MainLayout.class)
@RolesAllowed({"SECRETARIAT", "ADMIN"})
public class PeriodsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PeriodService periods;
    private final CompletenessService completeness;
    private final ReminderService reminders;
    private final SelectedContext selected;
    final H3 completenessTitle = new H3();
    final Paragraph deadlineInfo = new Paragraph();
    final Grid<DepartmentCompleteness> completenessGrid = new Grid<>();
    /** The incomplete items, one collapsible group per department, each item a link to it in the overview. */
    final Div incompleteList = new Div();
    /** Says why the decision cannot be recorded yet (or that it has been). */
    final Paragraph decisionHint = new Paragraph();
    final Button remindAll = new Button();
    ConfirmDialog confirm;
    final Grid<PeriodDetails> grid = new Grid<>();
    final Select<PeriodKind> kind = new Select<>();
    final IntegerField year = new IntegerField();
    final DatePicker endDate = new DatePicker();
    final DatePicker deadline = new DatePicker();
    final Button create = new Button();
    final Button review = new Button();
    final Button backToOpen = new Button();
    final TextField body = new TextField();
    final DatePicker decisionDate = new DatePicker();
    final TextField paragraph = new TextField();
    final TextField diaryNumber = new TextField();
    final Button decide = new Button();
    final TextArea reason = new TextArea();
    final Button reopen = new Button();
    private Committee committee;
    /** Where an earlier draft of the selected period's decision is offered. */
    final Div decisionDraftOffer = new Div();
    private final DraftService drafts;
    private DraftKeeper decisionDraft;


    public PeriodsView(PeriodService periods, CompletenessService completeness, ReminderService reminders,
                       SelectedContext selected, DraftService drafts) {
        this.drafts = drafts;
        this.periods = periods;
        this.completeness = completeness;
        this.reminders = reminders;
        this.selected = selected;
        grid.setId("periods-grid");
        grid.addColumn(PeriodDetails::name).setHeader(getTranslation("periods.column.name")).setFlexGrow(2);
        grid.addColumn(p -> Messages.date(p.endDate())).setHeader(getTranslation("periods.column.endDate")).setAutoWidth(true);
        grid.addColumn(p -> Messages.date(p.deadline()))
                .setHeader(getTranslation("periods.column.deadline")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation("period.state." + p.state().name()))
                .setHeader(getTranslation("periods.column.state")).setAutoWidth(true);
        grid.addColumn(p -> p.decision() == null ? "" : p.decision().body() + " " + Messages.date(p.decision().date())
                + " " + p.decision().paragraph()
                + (p.decision().diaryNumber() == null || p.decision().diaryNumber().isBlank() ? ""
                : " (" + p.decision().diaryNumber() + ")"))
                .setHeader(getTranslation("periods.column.decision")).setFlexGrow(2);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addSelectionListener(e -> {
            updateActions();
            refreshCompleteness();
            keepDecisionDraft();
        });
        configureCompleteness();

        kind.setId("period-kind");
        kind.setLabel(getTranslation("periods.kind"));
        kind.setItems(PeriodKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("periods.kind." + k.name()));
        year.setId("period-year");
        year.setLabel(getTranslation("periods.year"));
        endDate.setId("period-end");
        endDate.setLabel(getTranslation("periods.column.endDate"));
        deadline.setId("period-deadline");
        deadline.setLabel(getTranslation("periods.column.deadline"));
        create.setId("period-create");
        create.setText(getTranslation("periods.create"));
        create.addClickListener(e -> run(() -> periods.create(committee.slug(), new NewPeriod(kind.getValue(),
                year.getValue() == null ? 0 : year.getValue(), endDate.getValue(), deadline.getValue()))));

        review.setId("period-review");
        review.setText(getTranslation("periods.review"));
        review.addClickListener(e -> run(() -> periods.submitForReview(committee.slug(), current().slug())));
        backToOpen.setId("period-open");
        backToOpen.setText(getTranslation("periods.backToOpen"));
        backToOpen.addClickListener(e -> run(() -> periods.returnToOpen(committee.slug(), current().slug())));

        body.setId("decision-body");
        body.setLabel(getTranslation("periods.decision.body"));
        decisionDate.setId("decision-date");
        decisionDate.setLabel(getTranslation("periods.decision.date"));
        paragraph.setId("decision-paragraph");
        paragraph.setLabel(getTranslation("periods.decision.paragraph"));
        diaryNumber.setId("decision-diary");
        diaryNumber.setLabel(getTranslation("periods.decision.diaryNumber"));
        decide.setId("decision-save");
        decide.setText(getTranslation("periods.decide"));
        decide.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        decide.addClickListener(e -> confirmDecision());
        for (DatePicker picker : List.of(endDate, deadline, decisionDate)) {
            SwedishComponents.datePicker(picker);
        }

        reason.setId("reopen-reason");
        reason.setLabel(getTranslation("periods.reopen.reason"));
        reopen.setId("reopen");
        reopen.setText(getTranslation("periods.reopen"));
        reopen.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reopen.addClickListener(e -> confirmReopen());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("periods.title") + " – " + getTranslation("app.name");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation("periods.title"));
        title.setId("view-title");
        add(title);
        var context = selected.current();
        if (context.isEmpty()) {
            add(new Paragraph(getTranslation("followUp.noCommittee")));
            return;
        }
        committee = context.get().committee();
        add(new Paragraph(committee.name()), grid);
        HorizontalLayout transitions = new HorizontalLayout(review, backToOpen);
        HorizontalLayout decision = new HorizontalLayout(body, decisionDate, paragraph, diaryNumber, decide);
        decision.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        decision.setWrap(true);
        decisionHint.setId("decision-hint");
        decisionHint.addClassName("entry-meta");
        add(new H3(getTranslation("periods.selected")), transitions, decisionHint, decisionDraftOffer, decision);
        add(completenessTitle, deadlineInfo, completenessGrid, remindAll, incompleteList);
        PeriodRights rights = periods.rights(committee);
        if (rights.mayReopen()) {
            add(new HorizontalLayout(reason, reopen));
        }
        if (rights.mayManage()) {
            HorizontalLayout form = new HorizontalLayout(kind, year, endDate, deadline, create);
            form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            form.setWrap(true);
            add(new H3(getTranslation("periods.new")), form);
        }
        refresh(null);
        refreshCompleteness();
    }

    private void configureCompleteness() {
        completenessTitle.setId("completeness-title");
        deadlineInfo.setId("completeness-deadline");
        completenessGrid.setId("completeness-grid");
        completenessGrid.setAllRowsVisible(true);
        completenessGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        completenessGrid.addColumn(DepartmentCompleteness::department).setKey("department")
                .setHeader(getTranslation("completeness.column.department")).setWidth("12rem").setFlexGrow(2);
        completenessGrid.addColumn(DepartmentCompleteness::items).setKey("items")
                .setHeader(getTranslation("completeness.column.items")).setAutoWidth(true);
        completenessGrid.addColumn(DepartmentCompleteness::withoutStatus).setKey("withoutStatus")
                .setHeader(getTranslation("completeness.column.withoutStatus")).setAutoWidth(true);
        completenessGrid.addColumn(DepartmentCompleteness::withoutComment).setKey("withoutComment")
                .setHeader(getTranslation("completeness.column.withoutComment")).setAutoWidth(true);
        completenessGrid.addColumn(DepartmentCompleteness::drafts).setKey("drafts")
                .setHeader(getTranslation("completeness.column.drafts")).setAutoWidth(true);
        completenessGrid.addColumn(DepartmentCompleteness::notReady).setKey("notReady")
                .setHeader(getTranslation("completeness.column.notReady")).setAutoWidth(true);
        completenessGrid.addColumn(d -> d.percentReady() + " %").setKey("percentReady")
                .setHeader(getTranslation("completeness.column.percentReady")).setAutoWidth(true);
        completenessGrid.addColumn(d -> d.owners().isEmpty() ? getTranslation("completeness.noOwners")
                        : d.owners().stream().map(DepartmentCompleteness.Owner::name).collect(Collectors.joining(", ")))
                .setKey("owners").setHeader(getTranslation("completeness.column.owners")).setWidth("11rem")
                .setFlexGrow(2);
        completenessGrid.addComponentColumn(d -> {
            Button remind = new Button(getTranslation("completeness.remind"), e -> confirmReminder(d.departmentId()));
            remind.setId("remind-" + d.departmentId());
            remind.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            remind.setAriaLabel(getTranslation("completeness.remindDepartment", d.department()));
            remind.setEnabled(d.departmentId() != null && !d.complete() && !d.owners().isEmpty() && isOpen());
            return remind;
        }).setKey("remind").setHeader(getTranslation("completeness.column.remind")).setAutoWidth(true);

        remindAll.setId("remind-all");
        remindAll.setText(getTranslation("completeness.remindAll"));
        remindAll.addClickListener(e -> confirmReminder(null));

        incompleteList.setId("incomplete-list");
        incompleteList.setWidthFull();
    }

    private boolean isOpen() {
        return grid.getSelectedItems().stream().findFirst()
                .map(p -> p.state() == PeriodState.OPEN).orElse(false);
    }

    private void refreshCompleteness() {
        var period = grid.getSelectedItems().stream().findFirst();
        completenessGrid.setVisible(period.isPresent());
        incompleteList.setVisible(period.isPresent());
        remindAll.setVisible(period.isPresent());
        if (period.isEmpty() || committee == null) {
            return;
        }
        PeriodCompleteness result = completeness.completeness(committee.slug(), period.get().slug());
        completenessTitle.setText(getTranslation("completeness.title", result.period().name()));
        deadlineInfo.setText(result.period().deadline() == null ? getTranslation("completeness.noDeadline")
                : getTranslation("completeness.deadline", Messages.date(result.period().deadline())));
        completenessGrid.setItems(result.departments());
        showIncomplete(result);
        remindAll.setEnabled(isOpen() && result.incompleteDepartments().stream()
                .anyMatch(d -> d.departmentId() != null && !d.owners().isEmpty()));
    }

    private void showIncomplete(PeriodCompleteness result) {
        incompleteList.removeAll();
        List<DepartmentCompleteness> incomplete = result.departments().stream().filter(d -> !d.incomplete().isEmpty())
                .toList();
        if (incomplete.isEmpty()) {
            return;
        }
        incompleteList.add(new H3(getTranslation("completeness.incomplete.title")));
        for (DepartmentCompleteness d : incomplete) {
            UnorderedList items = new UnorderedList();
            items.addClassName("incomplete-items");
            for (DepartmentCompleteness.IncompleteItem item : d.incomplete()) {
                String label = (item.number() == null ? "" : item.number() + " ") + item.text();
                var link = new Anchor(overviewLink(d.departmentId(),
                        item.number() != null ? item.number() : item.text()), label);
                link.addClassName("incomplete-item");
                link.setId("incomplete-" + item.itemId());
                Span missing = new Span(
                        " – " + completeness.describeMissing(item));
                missing.addClassName("entry-meta");
                items.add(new ListItem(link, missing));
            }
            var all = new Anchor(overviewLink(d.departmentId(), null),
                    getTranslation("completeness.incomplete.openAll", d.department()));
            var details = new Details(getTranslation(
                    "completeness.incomplete.department", d.department(), Messages.integer(d.incomplete().size())),
                    new Div(all, items));
            details.setId("incomplete-" + (d.departmentId() == null ? "none" : d.departmentId()));
            details.setWidthFull();
            incompleteList.add(details);
        }
    }

    /** The overview filtered to the department's rows not yet ready, optionally searched for one item. */
    private static String overviewLink(Long departmentId, String search) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (departmentId != null) {
            parameters.put("avdelning", String.valueOf(departmentId));
        }
        parameters.put("ejklara", "ja");
        if (search != null) {
            parameters.put("sok", search);
        }
        return "uppfoljning?" + QueryParameters.simple(parameters).getQueryString();
    }

    /** Asks first, naming how many people get the reminder. {@code departmentId} null: all incomplete ones. */
    void confirmReminder(Long departmentId) {
        PeriodDetails period = current();
        ReminderService.ReminderPlan plan;
        try {
            plan = reminders.plan(committee.slug(), period.slug(), departmentId);
        } catch (RuntimeException e) {
            ErrorMessages.showError(ErrorMessages.describe(this, e));
            return;
        }
        if (plan.recipients() == 0) {
            ErrorMessages.showError(getTranslation("completeness.noRecipients"));
            return;
        }
        String departments = plan.departments().stream().map(DepartmentCompleteness::department)
                .collect(Collectors.joining(", "));
        String text = getTranslation("completeness.confirm.text", Messages.integer(plan.recipients()), departments,
                period.name())
                + " " + (plan.mailEnabled() ? getTranslation("completeness.confirm.mail", Messages.integer(plan.withEmail()))
                : getTranslation("completeness.confirm.noMail"));
        confirm = Confirmation.of("reminder-confirm", getTranslation("completeness.confirm.title"), text,
                getTranslation("completeness.confirm.send"), false, () -> send(period, departmentId));
        confirm.open();
    }

    private void send(PeriodDetails period, Long departmentId) {
        try {
            ReminderService.ReminderResult result = reminders.send(committee.slug(), period.slug(), departmentId);
            String message = getTranslation("completeness.sent", Messages.integer(result.notifications()),
                    Messages.integer(result.departments()));
            if (result.mailsSent() > 0 || result.mailsFailed() > 0) {
                message += " " + getTranslation("completeness.sent.mail", Messages.integer(result.mailsSent()));
            }
            if (result.mailsFailed() > 0) {
                ErrorMessages.showError(message + " " + getTranslation("completeness.sent.mailFailed",
                        Messages.integer(result.mailsFailed())));
            } else {
                ErrorMessages.showSuccess(message);
            }
        } catch (RuntimeException e) {
            ErrorMessages.showError(ErrorMessages.describe(this, e));
        }
    }

    /** Recording the decision locks the period as a public record, so it is said before it is done. */
    private void confirmDecision() {
        PeriodDetails period = current();
        Confirmation.of("decision-confirm", getTranslation("periods.decide.confirm.title", period.name()),
                getTranslation("periods.decide.confirm.text", period.name()),
                getTranslation("periods.decide.confirm.button"), false,
                () -> run(() -> periods.decide(committee.slug(), period.slug(), new Decision(body.getValue(),
                        decisionDate.getValue(), paragraph.getValue(), diaryNumber.getValue())))).open();
    }

    /** Reopening lifts the lock of a public record: said before it is done, with the reason given. */
    private void confirmReopen() {
        PeriodDetails period = current();
        if (reason.getValue() == null || reason.getValue().isBlank()) {
            run(() -> periods.reopen(committee.slug(), period.slug(), reason.getValue())); // the service says why
            return;
        }
        Confirmation.of("reopen-confirm", getTranslation("periods.reopen.confirm.title", period.name()),
                getTranslation("periods.reopen.confirm.text", period.name(), reason.getValue().strip()),
                getTranslation("periods.reopen"), true,
                () -> run(() -> periods.reopen(committee.slug(), period.slug(), reason.getValue()))).open();
    }

    /**
     * The decision form of the selected period keeps the user's draft while they type (a session lost between
     * typing the paragraph and confirming loses nothing) and offers an earlier one; only a period in review, whose
     * decision can be recorded, has one.
     */
    private void keepDecisionDraft() {
        if (decisionDraft != null) {
            decisionDraft.detach();
            decisionDraft = null;
        }
        decisionDraftOffer.removeAll();
        var period = grid.getSelectedItems().stream().findFirst();
        if (committee == null || period.isEmpty()
                || period.get().state() != PeriodState.REVIEW) {
            return;
        }
        // the form shows the selected period's own decision text, never the one typed for another period
        body.clear();
        decisionDate.clear();
        paragraph.clear();
        diaryNumber.clear();
        for (TextField field : List.of(body, paragraph, diaryNumber)) {
            field.setValueChangeMode(ValueChangeMode.TIMEOUT);
            field.setValueChangeTimeout(1000);
        }
        decisionDraft = new DraftKeeper(drafts, DraftKey.decision(
                periods.context(committee.slug(), period.get().slug())))
                .field("body", body).dateField("date", decisionDate).field("paragraph", paragraph)
                .field("diaryNumber", diaryNumber);
        decisionDraft.offer().ifPresent(decisionDraftOffer::add);
    }

    private PeriodDetails current() {
        return grid.getSelectedItems().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no period selected"));
    }

    private void run(Supplier<PeriodDetails> action) {
        try {
            PeriodDetails result = action.get();
            ErrorMessages.showSuccess(getTranslation("periods.saved", result.name(),
                    getTranslation("period.state." + result.state().name())));
            refresh(result.slug());
            MainLayout.refreshContext();
        } catch (RuntimeException e) {
            ErrorMessages.showError(ErrorMessages.describe(this, e));
        }
    }

    private void refresh(String selectSlug) {
        var list = periods.periods(committee.slug());
        grid.setItems(list);
        list.stream().filter(p -> p.slug().equals(selectSlug)).findFirst()
                .or(() -> list.stream().findFirst()).ifPresent(grid::select);
        updateActions();
    }

    private void updateActions() {
        var period = grid.getSelectedItems().stream().findFirst();
        var state = period.map(PeriodDetails::state).orElse(null);
        review.setEnabled(state == PeriodState.OPEN);
        backToOpen.setEnabled(state == PeriodState.REVIEW);
        decide.setEnabled(state == PeriodState.REVIEW);
        reopen.setEnabled(state == PeriodState.DECIDED);
        // disabled fields say why
        // under review the decision form is open and needs no hint
        decisionHint.setText(state == null || state == PeriodState.REVIEW ? ""
                : getTranslation("periods.decisionHint." + state.name()));
        decisionHint.setVisible(state != null && state != PeriodState.REVIEW);
    }
}
