package se.uppfoljning.report.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.QueryParameters;
import se.uppfoljning.appendix.AppendixDocument;
import com.vaadin.flow.component.textfield.TextField;
import org.springframework.security.access.AccessDeniedException;
import se.uppfoljning.base.error.ConflictException;
import se.uppfoljning.base.error.LockedException;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.report.SectionState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.report.ReportSection;
import se.uppfoljning.report.ReportService;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The view Rapport: outline with completeness, a section's editor, history, and a stale save that keeps the text. */
class ReportViewTest extends KaribuTest {

    @Autowired
    ReportService reports;
    @Autowired
    PeriodService periods;

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    private ReportSection section(ReportView view, String number) {
        return view.outline.getListDataView().getItems().filter(s -> number.equals(s.number())).findFirst().orElseThrow();
    }

    private static String notifications() {
        return String.join(" | ", _find(Notification.class).stream()
                .map(n -> n.getElement().getChildren().map(c -> c.getText() + c.getProperty("text", ""))
                        .reduce("", String::concat) + n.getElement().getProperty("text", "")).toList());
    }

    @Test
    void secretariatEditsASectionAndAStaleSaveKeepsTheTypedText() {
        login("sekretariat");
        UI.getCurrent().navigate("rapport");
        ReportView view = _get(ReportView.class);
        assertThat(view.outline.getListDataView().getItemCount()).isEqualTo(33);
        assertThat(view.completeness.getText()).contains("Utkast: 33");

        ReportSection events = section(view, "2.2");
        view.outline.select(events);
        view.text.setValue(events.body() + "\nEtt nytt stycke.\n");
        _click(_get(Button.class, spec -> spec.withId("section-save")));
        var context = periods.context("ks", "2024-dr2");
        ReportSection saved = reports.section(context, events.id());
        assertThat(saved.body()).contains("Ett nytt stycke.");
        assertThat(reports.history(context, events.id()).get(0).changedBy()).isEqualTo("sekretariat");
        assertThat(view.completeness.getText()).contains("Skriven: 1");

        // someone else saves in between: the save is refused, the typed text stays in the editor, nothing changes
        reports.save(context, events.id(), saved.version(), saved.body() + "Annans text.\n", null);
        view.text.setValue("Min egen text som inte får försvinna.");
        _click(_get(Button.class, spec -> spec.withId("section-save")));
        assertThat(view.text.getValue()).isEqualTo("Min egen text som inte får försvinna.");
        assertThat(reports.section(context, events.id()).body()).endsWith("Annans text.\n");
    }

    @Test
    void secretariatAddsMovesAndRemovesASectionWithTheKeyboardReachableButtonsAndTheAuditLogKeepsIt() {
        login("sekretariat");
        UI.getCurrent().navigate("rapport");
        ReportView view = _get(ReportView.class);
        var context = periods.context("ks", "2024-dr2");
        ReportSection events = section(view, "2.2");
        view.outline.select(events);

        _click(_get(Button.class, spec -> spec.withId("section-add")));
        _get(TextField.class, spec -> spec.withId("section-add-number")).setValue("2.2.1");
        _get(TextField.class, spec -> spec.withId("section-add-heading")).setValue("Nytt delavsnitt");
        _click(_get(Button.class, spec -> spec.withId("section-add-confirm")));
        List<ReportSection> outline = reports.sections(context);
        assertThat(outline).hasSize(34);
        int added = indexOf(outline, "2.2.1");
        assertThat(outline.get(added - 1).id()).isEqualTo(events.id());
        assertThat(outline.get(added).heading()).isEqualTo("Nytt delavsnitt");
        assertThat(outline.get(added).state()).isEqualTo(SectionState.DRAFT);
        assertThat(view.outline.getSelectedItems()).extracting(ReportSection::number).containsExactly("2.2.1");

        // up: before 2.2; down twice: after 2.2 and the section that followed it
        _click(_get(Button.class, spec -> spec.withId("section-move-up")));
        assertThat(indexOf(reports.sections(context), "2.2.1")).isEqualTo(added - 1);
        _click(_get(Button.class, spec -> spec.withId("section-move-down")));
        _click(_get(Button.class, spec -> spec.withId("section-move-down")));
        assertThat(indexOf(reports.sections(context), "2.2.1")).isEqualTo(added + 1);
        assertThat(reports.sections(context).stream().map(ReportSection::sortOrder).distinct().count()).isEqualTo(34);

        // removal asks first; cancelling keeps it
        _click(_get(Button.class, spec -> spec.withId("section-remove")));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("section-remove-confirm"));
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(reports.sections(context)).hasSize(34);
        _click(_get(Button.class, spec -> spec.withId("section-remove")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("section-remove-confirm")));
        assertThat(reports.sections(context)).hasSize(33).noneMatch(s -> "2.2.1".equals(s.number()));
        assertThat(testData.db().fetch("select action, details from audit_log where action like 'report.section%' "
                + "order by id").map(r -> r.get(0, String.class) + " " + r.get(1, String.class)))
                .containsExactly("report.sectionAdded 2.2.1 Nytt delavsnitt",
                        "report.sectionMoved 2.2.1 Nytt delavsnitt: " + (added + 1) + " → " + added,
                        "report.sectionMoved 2.2.1 Nytt delavsnitt: " + added + " → " + (added + 1),
                        "report.sectionMoved 2.2.1 Nytt delavsnitt: " + (added + 1) + " → " + (added + 2),
                        "report.sectionRemoved 2.2.1 Nytt delavsnitt: ");
    }

    @Test
    void theOutlineIsChangedOnlyByTheSecretariatAndNeverInADecidedPeriod() {
        login("controller");
        var dr2 = periods.context("ks", "2024-dr2");
        var dr1 = periods.context("ks", "2024-dr1");
        ReportSection first = reports.sections(dr2).get(0);
        assertThat(reports.rights(dr2).mayRunReport()).isFalse();
        assertThatThrownBy(() -> reports.addSection(dr2, null, "9", "X", 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.moveSection(dr2, first.id(), 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.removeSection(dr2, first.id(), first.version()))
                .isInstanceOf(AccessDeniedException.class);
        login("sekretariat");
        UI.getCurrent().navigate("rapport");
        assertThat(_find(Button.class, spec -> spec.withId("section-add"))).hasSize(1);
        assertThat(reports.rights(dr2).mayRunReport()).isTrue();
        assertThat(reports.rights(dr1).mayRunReport()).isFalse();
        ReportSection decided = reports.sections(dr1).get(0);
        assertThatThrownBy(() -> reports.addSection(dr1, null, "9", "X", 1)).isInstanceOf(LockedException.class);
        assertThatThrownBy(() -> reports.moveSection(dr1, decided.id(), 1)).isInstanceOf(LockedException.class);
        assertThatThrownBy(() -> reports.removeSection(dr1, decided.id(), decided.version()))
                .isInstanceOf(LockedException.class);
        assertThatThrownBy(() -> reports.addSection(dr2, null, "9", " ", 1)).isInstanceOf(ValidationException.class);
        // a stale removal (someone saved the section since) removes nothing
        reports.save(dr2, first.id(), first.version(), first.body() + "\nTillägg.", null);
        assertThatThrownBy(() -> reports.removeSection(dr2, first.id(), first.version()))
                .isInstanceOf(ConflictException.class);
        assertThat(reports.sections(dr2)).hasSize(33);
    }

    @Test
    void theWholePreviewLinksEachSectionToItsEditorAndEachFinanceTableToItsCutAndLevel() {
        login("sekretariat");
        var dr1 = periods.context("ks", "2024-dr1");
        List<ReportSection> sections = reports.sections(dr1);
        ReportSection units = sections.stream().filter(s -> "units ÖKL".equals(s.block())).findFirst().orElseThrow();
        String html = reports.previewHtml(dr1);
        assertThat(html).contains("<a href=\"rapport?namnd=ks&amp;period=2024-dr1&amp;avsnitt=" + units.id()
                        + "\" target=\"_top\">")
                .contains("<a href=\"ekonomi?namnd=ks&amp;period=2024-dr1&amp;snitt=enhet&amp;niva=%C3%96KL\" "
                        + "target=\"_top\">")
                .contains("snitt=sammanstallning\"", "snitt=kontogrupp&amp;niva=", "snitt=verksamhet&amp;niva=",
                        "snitt=investering&amp;niva=");
        assertThat(html.split("avsnitt=", -1)).hasSize(sections.size() + 1);
        // the downloads carry no links
        assertThat(reports.document(dr1).blocks()).noneMatch(b -> b instanceof AppendixDocument.PreviewLink);

        UI.getCurrent().navigate("rapport", QueryParameters.simple(Map.of("namnd", "ks", "period", "2024-dr1",
                "avsnitt", String.valueOf(units.id()))));
        ReportView view = _get(ReportView.class);
        assertThat(view.outline.getSelectedItems()).extracting(ReportSection::id).containsExactly(units.id());
        assertThat(_get(H3.class, spec -> spec.withId("section-title")).getText()).isEqualTo("Kommunledning");

        UI.getCurrent().navigate("ekonomi", QueryParameters.simple(Map.of("namnd", "ks", "period", "2024-dr1",
                "snitt", "kontogrupp", "niva", "ÖKG")));
        TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("finance-tabs"));
        assertThat(tabs.getSelectedTab().getId()).contains("finance-tab-kontogrupp");
    }

    private static int indexOf(List<ReportSection> outline, String number) {
        for (int i = 0; i < outline.size(); i++) {
            if (number.equals(outline.get(i).number())) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aPoliticianReadsButCannotWrite() {
        login("politiker");
        UI.getCurrent().navigate("rapport");
        ReportView view = _get(ReportView.class);
        view.outline.select(section(view, "2.1"));
        assertThat(view.text.isReadOnly()).isTrue();
        assertThat(_find(Button.class, spec -> spec.withId("section-save"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("section-add"))).isEmpty();
    }
}
