package se.uppfoljning.followup.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.followup.FollowUpChange;
import se.uppfoljning.followup.FollowUpFilter.KindFilter;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.followup.HistoryEntry;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.readiness.ReadinessService;
import se.uppfoljning.structure.StatusScale;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/** The overview, the edit dialog, conflicts, history, filters and the progress page, per role. */
class FollowUpViewTest extends KaribuTest {

    @Autowired
    FollowUpService followUp;
    @Autowired
    PeriodService periods;
    @Autowired
    ReadinessService readiness;

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    private FollowUpView open(String user) {
        login(user);
        UI.getCurrent().navigate(FollowUpView.class);
        return _get(FollowUpView.class);
    }

    private List<FollowUpRow> shownRows(FollowUpView view) {
        return IntStream.range(0, _size(view.grid)).mapToObj(i -> _get(view.grid, i))
                .filter(n -> n instanceof OverviewNode.RowNode).map(n -> ((OverviewNode.RowNode) n).row()).toList();
    }

    private int indexOf(FollowUpView view, String textStart) {
        return IntStream.range(0, _size(view.grid))
                .filter(i -> _get(view.grid, i) instanceof OverviewNode.RowNode r && r.row().printedText().startsWith(textStart))
                .findFirst().orElseThrow();
    }

    private OverviewCells.Action action(FollowUpView view, String textStart, int which) {
        return OverviewCells.action(view, indexOf(view, textStart), which);
    }

    @Test
    void politicianSeesAll52RowsInReportOrderButCanOnlyView() {
        FollowUpView view = open("politiker");
        List<FollowUpRow> rows = shownRows(view);
        assertThat(rows).hasSize(52);
        assertThat(rows.get(0).printedText()).isEqualTo("1.1 Kommunstyrelsen ska ha en ekonomi i balans");
        assertThat(view.count.getText()).isEqualTo("Visar 52 av 52 rader");
        assertThat(_get(view.grid, 0)).isEqualTo(new OverviewNode.AreaNode(rows.get(0).areaId(),
                "Utgångspunkter för Örebro kommuns verksamhet"));
        assertThat(_get(view.grid, 1).label()).startsWith("Strategiskt mål 1: Varje nämnd ska ha en ekonomi i balans");

        OverviewCells.Action show = action(view, "2.1 ", 0);
        assertThat(show.getAriaLabel()).hasValueSatisfying(l -> assertThat(l).startsWith("Visa: 2.1 "));
        show.click();
        EntryDialog dialog = _get(EntryDialog.class);
        assertThat(dialog.comment.isReadOnly()).isTrue();
        assertThat(dialog.comment.getValue()).isEqualTo("Samtliga avdelningar inom KLF bedöms inte nå upp till 78 i HME-värde 2024.");
        _assertNone(Button.class, spec -> spec.withId("entry-save"));
    }

    @Test
    void officialEditsOwnRowAndSeesTheChangeInHistory() {
        FollowUpView view = open("tjansteperson");
        // an official starts at their own department's rows; the filter can be cleared
        assertThat(view.department.getValue().name()).isEqualTo("Säkerhetsavdelningen");
        assertThat(shownRows(view)).isNotEmpty().allMatch(r -> "Säkerhetsavdelningen".equals(r.owner()));
        view.department.clear();
        assertThat(action(view, "2.1 ", 0).getAriaLabel()).hasValueSatisfying(l -> assertThat(l).startsWith("Visa"));
        OverviewCells.Action edit = action(view, "Metodutveckla narkotikateamet", 0);
        assertThat(edit.getAriaLabel()).hasValueSatisfying(l -> assertThat(l).startsWith("Redigera"));
        edit.click();

        EntryDialog dialog = _get(EntryDialog.class);
        dialog.status.setValue("Påbörjat");
        dialog.comment.setValue("Analysarbetet har startat.");
        _click(dialog.save);

        expectNotifications("Sparat: Metodutveckla narkotikateamet");
        assertThat(dialog.isOpened()).isFalse();
        FollowUpRow row = shownRows(view).stream().filter(r -> r.text().equals("Metodutveckla narkotikateamet")).findFirst().orElseThrow();
        assertThat(row.status()).isEqualTo("Påbörjat");
        assertThat(row.comment()).isEqualTo("Analysarbetet har startat.");

        action(view, "Metodutveckla narkotikateamet", 1).click();
        HistoryDialog history = _get(HistoryDialog.class);
        assertThat(_size(history.grid)).isEqualTo(2);
        var latest = _get(history.grid, 0);
        assertThat(latest.changedBy()).isEqualTo("Tove Tjänsteperson");
        assertThat(latest.oldStatus()).isEqualTo("Genomfört");
        assertThat(latest.newStatus()).isEqualTo("Påbörjat");
        assertThat(latest.newComment()).isEqualTo("Analysarbetet har startat.");
        // the period and the previous period's values are named; only a real status change shows an arrow
        assertThat(_get(history, Paragraph.class, spec -> spec.withId("history-period"))
                .getText()).contains(periods.context("ks", "2024-dr2").period().name());
        assertThat(_get(history, Paragraph.class, spec -> spec.withId("history-previous"))
                .getText()).startsWith("Förra perioden (");
        assertThat(history.statusChange(latest)).isEqualTo("Genomfört → Påbörjat");
        assertThat(history.statusChange(new HistoryEntry(3, latest.changedAt(), "x", "Påbörjat",
                "Påbörjat", "a", "b"))).isEqualTo("Påbörjat (oförändrad)");
        // the comment's change is marked word by word
        var parts = HistoryDialog.marked("Arbetet pågår enligt plan.", "Arbetet pågår inte enligt plan.");
        assertThat(parts).extracting(e -> e.isTextNode() ? e.getText() : "<" + e.getTag() + ">" + e.getText())
                .containsExactly("Arbetet pågår ", "<ins>inte ", "enligt plan.");
    }

    @Test
    void filtersSurviveASaveAndAreKeptInTheAddress() {
        FollowUpView view = open("sekretariat");
        var security = view.department.getListDataView().getItems()
                .filter(d -> d.name().equals("Säkerhetsavdelningen")).findFirst().orElseThrow();
        view.department.setValue(security);
        view.status.setValue("Genomfört");
        view.text.setValue("narkotika");
        int shown = shownRows(view).size();
        assertThat(shown).isPositive();
        assertThat(view.addressParameters()).containsKeys("avdelning", "status", "sok");

        action(view, "Metodutveckla narkotikateamet", 0).click();
        EntryDialog dialog = _get(EntryDialog.class);
        assertThat(dialog.comment.getHelperText()).endsWith("av 10\u00a0000 tecken");
        dialog.comment.setValue("Ny text.");
        _click(dialog.save);

        assertThat(view.department.getValue()).isEqualTo(security);
        assertThat(view.status.getValue()).isEqualTo("Genomfört");
        assertThat(view.text.getValue()).isEqualTo("narkotika");
        assertThat(shownRows(view)).hasSize(shown);
        assertThat(view.addressParameters()).containsEntry("sok", "narkotika").containsEntry("status", "Genomfört");
    }

    @Test
    void aStaleSaveIsRefusedWithWhoSavedFirstAndTheTypedTextStays() {
        FollowUpView view = open("tjansteperson");
        action(view, "Ett narkotikateam ska införas", 0).click();
        EntryDialog dialog = _get(EntryDialog.class);
        dialog.comment.setValue("Min långa text som inte får försvinna.");

        // meanwhile the secretariat saves the same entry
        login("sekretariat");
        var context = periods.context("ks", "2024-dr2");
        FollowUpRow current = followUp.overview(context).rows().stream()
                .filter(r -> r.text().equals("Ett narkotikateam ska införas")).findFirst().orElseThrow();
        followUp.save(context, current.id(), new FollowUpChange("Påbörjat", "Sekretariatets text", current.version()));
        login("tjansteperson");

        _click(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.error.isVisible()).isTrue();
        assertThat(_get(dialog.error, Span.class, spec -> {}).getText()).contains("Sara Sekreterare");
        assertThat(dialog.comment.getValue()).isEqualTo("Min långa text som inte får försvinna.");
        FollowUpRow stored = followUp.overview(context).rows().stream()
                .filter(r -> r.text().equals("Ett narkotikateam ska införas")).findFirst().orElseThrow();
        assertThat(stored.comment()).isEqualTo("Sekretariatets text");
    }

    @Test
    void secretariatCanEditEveryRow() {
        FollowUpView view = open("sekretariat");
        assertThat(shownRows(view)).allMatch(FollowUpRow::editable);
        assertThat(action(view, "2.1 ", 0).getAriaLabel()).hasValueSatisfying(l -> assertThat(l).startsWith("Redigera"));
    }

    @Test
    void filtersNarrowTheRowsAndShowCounts() {
        FollowUpView view = open("politiker");
        view.status.setValue("Påbörjat");
        List<FollowUpRow> started = shownRows(view);
        assertThat(started).isNotEmpty().allMatch(r -> "Påbörjat".equals(r.status()));
        assertThat(view.count.getText()).isEqualTo("Visar " + started.size() + " av 52 rader");

        view.status.clear();
        view.kind.setValue(KindFilter.INDICATOR);
        assertThat(shownRows(view)).hasSize(7).allMatch(r -> r.printedText().matches("1[2-7]\\.\\d .*"));

        view.kind.clear();
        view.text.setValue("Vivalla");
        assertThat(shownRows(view)).singleElement().satisfies(r -> assertThat(r.owner()).isEqualTo("Säkerhetsavdelningen"));

        view.text.clear();
        view.department.setValue(view.department.getListDataView().getItems()
                .filter(d -> d.name().equals("Näringslivsavdelningen")).findFirst().orElseThrow());
        assertThat(shownRows(view)).hasSize(6).allMatch(r -> r.owner().equals("Näringslivsavdelningen"));

        view.department.clear();
        view.status.setValue("-");
        assertThat(shownRows(view)).extracting(FollowUpRow::number).containsExactly("12.1", "13.1");
        _click(_get(Button.class, spec -> spec.withId("filter-clear")));
        assertThat(shownRows(view)).hasSize(52);
    }

    @Test
    void progressPageCountsPerStatusAndItsLinksOpenTheFilteredList() {
        login("politiker");
        UI.getCurrent().navigate(ProgressView.class);
        // the area is one piece of HTML: its counts are plain anchors the client router follows
        var total = Jsoup.parseBodyFragment(_get(Html.class, spec -> spec.withId("progress-total")).getElement()
                .getOuterHTML());
        List<String> links = total.select("a[router-link][href]").eachText();
        assertThat(links).contains("Uppfylls: 14", "Uppfylls delvis: 0", "Uppfylls ej: 3", "Ej bedömd: 2", "Genomfört: 24", "Påbörjat: 9",
                "Ej påbörjat: 0");

        String started = total.select("a[router-link]").stream().filter(a -> a.text().equals("Påbörjat: 9"))
                .findFirst().orElseThrow().attr("href");
        assertThat(started).startsWith(ProgressView.OVERVIEW_ROUTE + "?");
        UI.getCurrent().navigate(ProgressView.OVERVIEW_ROUTE,
                QueryParameters.fromString(started.substring(started.indexOf('?') + 1)));
        FollowUpView view = _get(FollowUpView.class);
        assertThat(shownRows(view)).hasSize(9).allMatch(r -> "Påbörjat".equals(r.status()));
        assertThat(view.kind.getValue()).isEqualTo(KindFilter.ASSIGNMENT);
    }

    @Test
    void progressPageListsWhatLagsAsTablesAndEscapesTheText() {
        login("sekretariat");
        var context = periods.context("ks", "2024-dr2");
        List<FollowUpRow> goals = followUp.overview(context).lagging(StatusScale.GOAL);
        assertThat(goals).isNotEmpty();
        FollowUpRow first = goals.stream().filter(r -> !r.derivedFromFinance()).findFirst().orElseThrow();
        String comment = "<img src=x onerror=alert(1)> & <b>inte fet</b>";
        followUp.save(context, first.id(), new FollowUpChange(first.status(), comment, first.version()));

        UI.getCurrent().navigate(ProgressView.class);
        var lagging = Jsoup.parseBodyFragment(_get(Section.class, spec -> spec.withId("progress-lagging")).getElement()
                .getOuterHTML());
        var table = lagging.getElementById("progress-lagging-goal");
        assertThat(table).isNotNull();
        assertThat(table.select("thead th[scope=col]").eachText())
                .containsExactly("Mål eller indikator", "Ansvarig", "Prognos", "Kommentar");
        // every lagging row, in report order
        assertThat(table.select("tbody tr td:first-child").eachText()).containsExactlyElementsOf(
                goals.stream().map(r -> r.printedText().strip().replaceAll("\\s+", " ")).toList());
        // the comment is shown as written, never as markup
        assertThat(table.select("tbody tr").get(goals.indexOf(first)).select("td").get(3).text()).isEqualTo(comment);
        assertThat(table.select("img, b")).isEmpty();
        assertThat(table.attr("aria-labelledby")).isEqualTo("progress-lagging-goal-heading");
        assertThat(lagging.getElementById("progress-lagging-goal-heading")).isNotNull();
    }

    @Test
    void anOfficialSeesHowFarTheirDepartmentHasComeAndWhatIsLeft() {
        login("tjansteperson");
        var context = periods.context("ks", "2024-dr2");
        List<FollowUpRow> own = followUp.overview(context).rows().stream()
                .filter(r -> "Säkerhetsavdelningen".equals(r.owner())).toList();
        assertThat(own).hasSizeGreaterThan(1);
        // one row confirmed and marked ready before the view opens
        FollowUpRow first = own.get(0);
        followUp.save(context, first.id(), new FollowUpChange(first.status() == null ? "Påbörjat" : first.status(),
                first.comment(), first.version()));
        readiness.markReady(context, first.id());
        long withoutStatus = own.stream().skip(1).filter(r -> r.status() == null).count();
        long drafts = own.stream().skip(1).filter(FollowUpRow::fromPreviousPeriod).count();

        UI.getCurrent().navigate(FollowUpView.class);
        FollowUpView view = _get(FollowUpView.class);
        long department = first.departmentId();
        assertThat(_get(Span.class, spec -> spec.withId("department-progress-" + department)).getText())
                .isEqualTo("Säkerhetsavdelningen: 1 av " + own.size() + " poster klara · utan prognos: " + withoutStatus
                        + " · ej bekräftade från föregående period: " + drafts);

        _click(_get(Button.class, spec -> spec.withId("department-progress-left-" + department)));
        assertThat(view.notReady.getValue()).isTrue();
        assertThat(shownRows(view)).hasSize(own.size() - 1)
                .allMatch(r -> r.departmentId() == department && !r.ready())
                .noneMatch(r -> r.id() == first.id());
    }

    @Test
    void aPoliticianHasNoDepartmentProgress() {
        FollowUpView view = open("politiker");
        assertThat(view.departmentProgress.isVisible()).isFalse();
    }
}
