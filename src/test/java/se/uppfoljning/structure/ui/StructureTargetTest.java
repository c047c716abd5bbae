package se.uppfoljning.structure.ui;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.indicators.IndicatorService;
import se.uppfoljning.indicators.IndicatorTarget;
import se.uppfoljning.indicators.TargetChange;
import se.uppfoljning.indicators.TargetKind;
import se.uppfoljning.structure.StructureItem;

import java.nio.charset.StandardCharsets;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/** The structure editor and the structure import carry the target as data, written by the indicators feature. */
class StructureTargetTest extends KaribuTest {

    private static final String HEADER = "omrade;strategiskt_mal_nr;strategiskt_mal;typ;nummer;text;malvarde;agare;osb_ar;"
            + "malvarde_typ;malvarde_varde;malvarde_enhet;jamforelsear\n";

    @Autowired
    IndicatorService indicators;

    private long item141;

    @BeforeEach
    void setUp() {
        testData.reset();
        item141 = testData.ksItemId("14.1");
    }

    private StructureView open() {
        login("sekretariat");
        UI.getCurrent().navigate(StructureView.class);
        return _get(StructureView.class);
    }

    private StructureItem row(StructureView view, String number) {
        return _fetch(view.items, 0, 200).stream().filter(i -> number.equals(i.number())).findFirst().orElseThrow();
    }

    private IndicatorTarget target() {
        return indicators.target("ks", item141).orElseThrow();
    }

    @Test
    void theEditorShowsTheTargetAndSavesItKeepingTheKoladaLink() {
        StructureView view = open();
        IndicatorTarget before = target();
        indicators.setTarget("ks", item141, new TargetChange("minst", before.value(), before.unit(), null, "U07451",
                "1880", null, before.version()));

        view.openItem(row(view, "14.1"));
        ItemDialog dialog = _get(ItemDialog.class);
        assertThat(dialog.targetKind.getValue()).isEqualTo(TargetKind.AT_LEAST);
        assertThat(dialog.targetValue.getValue()).isEqualTo("75");
        assertThat(dialog.targetUnit.getValue()).isEqualTo("NKI");
        assertThat(dialog.comparisonYear.isVisible()).isFalse();

        dialog.targetValue.setValue("76,5");
        _click(dialog.save);
        expectNotifications("Posten är sparad.");
        assertThat(target().value()).isEqualByComparingTo("76.5");
        assertThat(target().printed()).isEqualTo("minst 76,5 NKI");
        assertThat(target().koladaKpi()).isEqualTo("U07451");
        assertThat(target().koladaMunicipality()).isEqualTo("1880");

        // öka with a comparison year: the value field is hidden and not sent
        view.openItem(row(view, "14.1"));
        dialog = _get(ItemDialog.class);
        dialog.targetKind.setValue(TargetKind.INCREASE);
        assertThat(dialog.targetValue.isVisible()).isFalse();
        dialog.comparisonYear.setValue(2022);
        _click(dialog.save);
        expectNotifications("Posten är sparad.");
        assertThat(target().kind()).isEqualTo(TargetKind.INCREASE);
        assertThat(target().value()).isNull();
        assertThat(target().comparisonYear()).isEqualTo(2022);
    }

    @Test
    void aBadTargetValueIsShownAtItsFieldAndNothingIsSaved() {
        StructureView view = open();
        view.openItem(row(view, "14.1"));
        ItemDialog dialog = _get(ItemDialog.class);
        dialog.text.setValue("Ändrad text som inte ska sparas");
        dialog.targetValue.setValue("mycket");
        _click(dialog.save);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.targetValue.isInvalid()).isTrue();
        assertThat(dialog.targetValue.getErrorMessage()).isEqualTo("Värdet \"mycket\" är inte ett tal.");
        assertThat(target().value()).isEqualByComparingTo("75");
        assertThat(row(view, "14.1").text()).isNotEqualTo("Ändrad text som inte ska sparas");

        dialog.targetKind.setValue(TargetKind.AT_MOST);
        dialog.targetValue.setValue("");
        _click(dialog.save);
        assertThat(dialog.targetValue.isInvalid()).isTrue();
        assertThat(dialog.targetValue.getErrorMessage()).isEqualTo("Målvärdet \"högst\" behöver ett värde.");
        assertThat(target().kind()).isEqualTo(TargetKind.AT_LEAST);
    }

    @Test
    void theImportCarriesTheTargetWithLinePreciseErrorsAndAPreview() {
        StructureView view = open();
        view.tabs.setSelectedIndex(3);
        String text141 = row(view, "14.1").text();
        String goal14 = (String) testData.db().fetchValue("select text from strategic_goal where number = 14");
        String area14 = (String) testData.db().fetchValue("select a.name from strategic_area a join strategic_goal g "
                + "on g.area_id = a.id where g.number = 14");
        String department = (String) testData.db().fetchValue("select d.name from department d join follow_up_item i "
                + "on i.department_id = d.id where i.id = ?", item141);
        String printed = row(view, "14.1").targetText() == null ? "" : row(view, "14.1").targetText();
        String prefix = area14 + ";14;" + goal14 + ";nämndmål;14.1;" + text141 + ";" + printed + ";" + department
                + ";2024;";
        String bad = HEADER
                + prefix + "minst;;;\n"                       // minst needs a value
                + prefix + "ungefär;3;;\n"                    // unknown kind
                + prefix + "öka;;NKI;tjugo\n"                 // comparison year
                + area14 + ";;;uppdrag;;Ett uppdrag;;" + department + ";2024;minst;3;;\n"; // an assignment has none
        view.previewFile("fel.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(view.importErrors.isVisible()).isTrue();
        assertThat(_fetch(view.importErrors, 0, 20)).extracting(d -> d.line() + ":" + d.column())
                .contains("2:malvarde_varde", "3:malvarde_typ", "4:jamforelsear", "5:malvarde_typ");
        assertThat(target().value()).isEqualByComparingTo("75");

        String good = HEADER + prefix + "minst;78,5;NKI;\n";
        view.previewFile("ny.csv", good.getBytes(StandardCharsets.UTF_8));
        assertThat(_fetch(view.importChanges, 0, 10)).extracting(c -> c.kind().name() + ":" + c.from() + "→" + c.to())
                .containsExactly("TARGET_SET:minst 75 NKI→minst 78,5 NKI");
        assertThat(target().value()).isEqualByComparingTo("75"); // the preview wrote nothing
        _click(view.importConfirm);
        assertThat(target().value()).isEqualByComparingTo("78.5");

        // the same file again changes nothing
        view.previewFile("ny.csv", good.getBytes(StandardCharsets.UTF_8));
        assertThat(_fetch(view.importChanges, 0, 10)).isEmpty();
    }
}
