package se.uppfoljning.periods.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import se.uppfoljning.base.security.CurrentUser;
import se.uppfoljning.base.security.Role;
import se.uppfoljning.base.ui.ErrorMessages;
import se.uppfoljning.base.ui.MainLayout;
import se.uppfoljning.base.ui.SelectedContext;
import se.uppfoljning.organisation.Committee;
import se.uppfoljning.organisation.PeriodKind;
import se.uppfoljning.periods.Decision;
import se.uppfoljning.periods.NewPeriod;
import se.uppfoljning.periods.PeriodDetails;
import se.uppfoljning.periods.PeriodService;

import java.time.LocalDate;
import java.util.function.Supplier;

/** The secretariat's periods: create, submit for review, record the decision; reopening for administrators. */
@Route(value = "perioder", layout = MainLayout.class)
@RolesAllowed({"SECRETARIAT", "ADMIN"})
public class PeriodsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PeriodService periods;
    private final SelectedContext selected;
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

    public PeriodsView(PeriodService periods, SelectedContext selected) {
        this.periods = periods;
        this.selected = selected;
        grid.setId("periods-grid");
        grid.addColumn(PeriodDetails::name).setHeader(getTranslation("periods.column.name")).setFlexGrow(2);
        grid.addColumn(PeriodDetails::endDate).setHeader(getTranslation("periods.column.endDate")).setAutoWidth(true);
        grid.addColumn(p -> p.deadline() == null ? "" : p.deadline().toString())
                .setHeader(getTranslation("periods.column.deadline")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation("period.state." + p.state().name()))
                .setHeader(getTranslation("periods.column.state")).setAutoWidth(true);
        grid.addColumn(p -> p.decision() == null ? "" : p.decision().body() + " " + p.decision().date() + " "
                + p.decision().paragraph()).setHeader(getTranslation("periods.column.decision")).setFlexGrow(2);
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> updateActions());

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
        decide.addClickListener(e -> run(() -> periods.decide(committee.slug(), current().slug(),
                new Decision(body.getValue(), decisionDate.getValue(), paragraph.getValue(), diaryNumber.getValue()))));

        reason.setId("reopen-reason");
        reason.setLabel(getTranslation("periods.reopen.reason"));
        reopen.setId("reopen");
        reopen.setText(getTranslation("periods.reopen"));
        reopen.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reopen.addClickListener(e -> run(() -> periods.reopen(committee.slug(), current().slug(), reason.getValue())));
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
        add(new H3(getTranslation("periods.selected")), transitions, decision);
        if (CurrentUser.get().hasRole(committee.id(), Role.ADMIN)) {
            add(new HorizontalLayout(reason, reopen));
        }
        if (CurrentUser.get().hasRole(committee.id(), Role.SECRETARIAT) || CurrentUser.get().hasRole(committee.id(), Role.ADMIN)) {
            HorizontalLayout form = new HorizontalLayout(kind, year, endDate, deadline, create);
            form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            form.setWrap(true);
            add(new H3(getTranslation("periods.new")), form);
        }
        refresh(null);
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
        review.setEnabled(state == se.uppfoljning.organisation.PeriodState.OPEN);
        backToOpen.setEnabled(state == se.uppfoljning.organisation.PeriodState.REVIEW);
        decide.setEnabled(state == se.uppfoljning.organisation.PeriodState.REVIEW);
        reopen.setEnabled(state == se.uppfoljning.organisation.PeriodState.DECIDED);
    }
}
