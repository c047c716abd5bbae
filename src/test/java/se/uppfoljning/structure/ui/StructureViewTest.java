package se.uppfoljning.structure.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.base.security.SystemUser;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.structure.ItemKind;
import se.uppfoljning.structure.StrategicArea;
import se.uppfoljning.structure.StructureItem;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.periods.PeriodKind;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/** The secretariat keeps the structure: items, areas, departments, retirement, and the bulk import. */
class StructureViewTest extends KaribuTest {

    @Autowired
    FollowUpService followUp;
    @Autowired
    OrganisationService organisation;

    @Autowired
    PeriodService periods;

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    private StructureView open() {
        login("sekretariat");
        UI.getCurrent().navigate(StructureView.class);
        return _get(StructureView.class);
    }

    private List<FollowUpRow> overviewRows(String period) {
        return followUp.overview("ks", period).rows();
    }

    @Test
    void theSecretariatAddsAGoalAnAssignmentAndADepartmentAndSeesThemInTheOverview() {
        StructureView view = open();
        assertThat(_size(view.items)).isEqualTo(52);

        // a department
        view.tabs.setSelectedIndex(2);
        _get(TextField.class, spec -> spec.withId("structure-department-name")).setValue("Digitaliseringsenheten");
        _click(_get(Button.class, spec -> spec.withId("structure-department-add")));
        assertThat(_fetch(view.departments, 0, 100)).extracting(d -> d.name()).contains("Digitaliseringsenheten");

        // a committee goal under strategic goal 14
        view.openItem(null);
        ItemDialog dialog = _get(ItemDialog.class);
        dialog.kind.setValue(ItemKind.COMMITTEE_GOAL);
        dialog.goal.setValue(dialog.goal.getListDataView().getItems().filter(g -> g.number() == 14).findFirst().orElseThrow());
        dialog.number.setValue("14.3");
        dialog.text.setValue("Antalet nyetablerade företag ska öka");
        dialog.target.setValue("öka");
        dialog.owner.setValue(dialog.owner.getListDataView().getItems().filter(d -> d.name().equals("Digitaliseringsenheten")).findFirst().orElseThrow());
        _click(dialog.save);
        expectNotifications("Posten är sparad.");

        // an assignment in the last area
        view.openItem(null);
        dialog = _get(ItemDialog.class);
        dialog.kind.setValue(ItemKind.ASSIGNMENT);
        dialog.area.setValue(dialog.area.getListDataView().getItems().filter(a -> a.name().startsWith("Näringsliv")).findFirst().orElseThrow());
        dialog.text.setValue("Ta fram en plan för evenemangsstråk i city");
        dialog.owner.setValue(dialog.owner.getListDataView().getItems().filter(d -> d.name().equals("Näringslivsavdelningen")).findFirst().orElseThrow());
        _click(dialog.save);

        assertThat(_size(view.items)).isEqualTo(54);
        List<FollowUpRow> rows = overviewRows("2024-dr2");
        assertThat(rows).hasSize(54);
        int goal142 = indexOf(rows, "14.2 ");
        assertThat(rows.get(goal142 + 1).printedText()).isEqualTo("14.3 Antalet nyetablerade företag ska öka");
        assertThat(rows.get(goal142 + 1).status()).isNull();
        assertThat(rows.get(goal142 + 1).owner()).isEqualTo("Digitaliseringsenheten");
        assertThat(rows).filteredOn(r -> r.text().equals("Ta fram en plan för evenemangsstråk i city")).singleElement()
                .satisfies(r -> assertThat(r.osbYear()).isEqualTo(2024));
    }

    private static int indexOf(List<FollowUpRow> rows, String start) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).printedText().startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError(start);
    }

    @Test
    void aDuplicateNumberIsShownAtTheFieldAndNothingIsSaved() {
        StructureView view = open();
        view.openItem(null);
        ItemDialog dialog = _get(ItemDialog.class);
        dialog.goal.setValue(dialog.goal.getListDataView().getItems().filter(g -> g.number() == 14).findFirst().orElseThrow());
        dialog.number.setValue("14.2");
        dialog.text.setValue("Dubblett");
        _click(dialog.save);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.number.isInvalid()).isTrue();
        assertThat(dialog.number.getErrorMessage()).isEqualTo("Numret 14.2 finns redan i nämnden för 2024.");
        assertThat(dialog.owner.isInvalid()).isTrue();
        assertThat(overviewRows("2024-dr2")).hasSize(52);
    }

    @Test
    void reorderingAnAreaChangesTheReportOrder() {
        StructureView view = open();
        view.tabs.setSelectedIndex(1);
        List<StrategicArea> before = _fetch(view.areas, 0, 10);
        StrategicArea last = before.get(before.size() - 1);
        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout)
                com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(view.areas, before.size() - 1, "actions");
        Button up = (Button) actions.getComponentAt(0);
        assertThat(up.getId()).hasValue("area-up-" + last.id());
        _click(up);
        List<StrategicArea> after = _fetch(view.areas, 0, 10);
        assertThat(after.get(after.size() - 2)).extracting(StrategicArea::name).isEqualTo(last.name());
        var overview = followUp.overview("ks", "2024-dr2");
        assertThat(overview.areas().get(3).name()).isEqualTo("Näringsliv, tillväxt, civilsamhälle och kultur");
        assertThat(overview.areas().get(4).name()).isEqualTo("Ett hållbart och växande Örebro");
    }

    @Test
    void theSecretariatStartsAPlanYearOnceAndSeesTheCarriedAssignments() {
        StructureView view = open();
        view.tabs.setSelectedIndex(1);
        assertThat(view.planYears.getText()).isEqualTo("Planår: ÖSB 2024, ÖSB 2023");
        long unfinished = overviewRows("2024-dr2").stream()
                .filter(r -> r.kind() == ItemKind.ASSIGNMENT && !"Genomfört".equals(r.status())).count();
        assertThat(unfinished).isPositive();

        _get(com.vaadin.flow.component.textfield.IntegerField.class, spec -> spec.withId("structure-plan-year")).setValue(2025);
        _click(_get(Button.class, spec -> spec.withId("structure-plan-year-add")));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("structure-plan-year-confirm"));
        assertThat(confirm.getElement().getProperty("header")).isEqualTo("Starta ÖSB 2025");
        assertThat(confirm.getChildren().findFirst().orElseThrow().getElement().getTextRecursively())
                .contains(": " + unfinished + " st.");
        confirm.getElement().setProperty("opened", true);
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(confirm);
        expectNotifications("ÖSB 2025 är startat. " + unfinished + " kvarstående uppdrag från ÖSB 2024 fördes över.");
        assertThat(view.planYears.getText()).isEqualTo("Planår: ÖSB 2025, ÖSB 2024, ÖSB 2023");
        // the items tab now shows the new year with what was carried
        assertThat(view.itemYear.getValue()).isEqualTo(2025);
        assertThat(_fetch(view.items, 0, 100)).hasSize((int) unfinished).allMatch(StructureItem::carriedOver);

        _get(com.vaadin.flow.component.textfield.IntegerField.class, spec -> spec.withId("structure-plan-year")).setValue(2024);
        _click(_get(Button.class, spec -> spec.withId("structure-plan-year-add")));
        confirm = _get(ConfirmDialog.class, spec -> spec.withId("structure-plan-year-confirm"));
        confirm.getElement().setProperty("opened", true);
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(confirm);
        expectNotifications("ÖSB 2024 finns redan.");
        assertThat(view.planYears.getText()).isEqualTo("Planår: ÖSB 2025, ÖSB 2024, ÖSB 2023");
    }

    @Test
    void aRetiredItemStaysInTheEarlierPeriodButNotInANewOne() {
        StructureView view = open();
        StructureItem vivalla = _fetch(view.items, 0, 100).stream().filter(i -> i.text().contains("Vivalla")).findFirst().orElseThrow();
        int row = _fetch(view.items, 0, 100).indexOf(vivalla);
        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout)
                com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(view.items, row, "actions");
        _click((Button) actions.getComponentAt(1));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        confirm.getElement().setProperty("opened", true);
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(confirm);
        assertThat(_fetch(view.items, 0, 100)).noneMatch(i -> i.id() == vivalla.id());

        // the decided DR1 keeps it; the open DR2 had only a carried-over draft of it, so it is gone there
        assertThat(overviewRows("2024-dr1")).hasSize(52).anyMatch(r -> r.id() == vivalla.id());
        assertThat(overviewRows("2024-dr2")).hasSize(51).noneMatch(r -> r.id() == vivalla.id());
        SystemUser.run(() -> periods.createPeriod(organisation.committee("ks").id(), "2024-ar",
                "Årsredovisning 2024", PeriodKind.ANNUAL, 2024, LocalDate.of(2024, 12, 31)));
        assertThat(overviewRows("2024-ar")).hasSize(51).noneMatch(r -> r.id() == vivalla.id());
    }

    @Test
    void theBulkImportShowsLinePreciseErrorsAndThenAPreviewBeforeWriting() {
        StructureView view = open();
        view.tabs.setSelectedIndex(3);
        String bad = "omrade;strategiskt_mal_nr;strategiskt_mal;typ;nummer;text;agare;osb_ar\n"
                + "Ett tryggt Örebro genom livet;;;uppdrag;;Nytt uppdrag;Säkerhetsavdelningen;2024\n"
                + "Ett tryggt Örebro genom livet;;;projekt;;Fel typ;Säkerhetsavdelningen;tjugo\n";
        view.previewFile("fel.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(view.importErrors.isVisible()).isTrue();
        assertThat(_fetch(view.importErrors, 0, 10)).extracting(d -> d.line() + ":" + d.column())
                .containsExactly("3:typ", "3:osb_ar");
        assertThat(view.importConfirm.isEnabled()).isFalse();

        String good = "omrade;strategiskt_mal_nr;strategiskt_mal;typ;nummer;text;agare;osb_ar\n"
                + "Ett tryggt Örebro genom livet;;;uppdrag;;Nytt uppdrag om trygghet;Säkerhetsavdelningen;2024\n";
        view.previewFile("ny.csv", good.getBytes(StandardCharsets.UTF_8));
        assertThat(view.importSummary.getText()).contains("1 rader: 1 nya poster");
        assertThat(overviewRows("2024-dr2")).hasSize(52);
        assertThat(_fetch(view.importChanges, 0, 10)).extracting(c -> c.kind().name()).containsExactly("ITEM_CREATED");
        assertThat(view.confirmNewAreas.isVisible()).isFalse();
        _click(view.importConfirm);
        assertThat(overviewRows("2024-dr2")).hasSize(53);
    }

    @Test
    void anImportThatCreatesAStrategicAreaNeedsItsConfirmation() {
        StructureView view = open();
        view.tabs.setSelectedIndex(3);
        String file = "omrade;strategiskt_mal_nr;strategiskt_mal;typ;nummer;text;agare;osb_ar\n"
                + "A2;;;uppdrag;;Uppdrag i ett nytt område;Säkerhetsavdelningen;2024\n";
        view.previewFile("ny.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(_fetch(view.importChanges, 0, 10)).extracting(c -> c.kind().name())
                .containsExactly("AREA_CREATED", "ITEM_CREATED");
        assertThat(view.confirmNewAreas.isVisible()).isTrue();
        assertThat(view.confirmNewAreas.getLabel()).contains("1 nya strategiska områden").contains("A2");
        assertThat(view.importConfirm.isEnabled()).isFalse();
        view.confirmNewAreas.setValue(true);
        assertThat(view.importConfirm.isEnabled()).isTrue();
        _click(view.importConfirm);
        assertThat(overviewRows("2024-dr2")).hasSize(53);
    }

    @Test
    void politiciansAndOfficialsCannotOpenTheStructure() {
        for (String user : List.of("politiker", "tjansteperson")) {
            login(user);
            UI.getCurrent().navigate("struktur");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> _get(StructureView.class))
                    .hasMessageContaining("Access is denied");
        }
    }
}
