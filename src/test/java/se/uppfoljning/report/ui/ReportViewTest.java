package se.uppfoljning.report.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.report.ReportSection;
import se.uppfoljning.report.ReportService;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The view Rapport: outline with completeness, a section's editor, history, and a stale save that keeps the text. */
class ReportViewTest extends KaribuTest {

    @Autowired
    ReportService reports;
    @Autowired
    OrganisationService organisation;

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
        var context = organisation.context("ks", "2024-dr2");
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
    void aPoliticianReadsButCannotWrite() {
        login("politiker");
        UI.getCurrent().navigate("rapport");
        ReportView view = _get(ReportView.class);
        view.outline.select(section(view, "2.1"));
        assertThat(view.text.isReadOnly()).isTrue();
        assertThat(_find(Button.class, spec -> spec.withId("section-save"))).isEmpty();
    }
}
