package se.uppfoljning.followup.ui;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.appendix.AppendixFormat;
import se.uppfoljning.appendix.AppendixKind;
import se.uppfoljning.appendix.AppendixService;
import se.uppfoljning.appendix.WordContent;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.structure.StructureService;
import se.uppfoljning.organisation.OrganisationService;
import se.uppfoljning.periods.PeriodKind;
import se.uppfoljning.periods.PeriodState;
import se.uppfoljning.periods.ReportingPeriod;
import se.uppfoljning.periods.PeriodDetails;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import se.uppfoljning.periods.PeriodService;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full cycle in the UI: the secretariat creates a period, an official fills in a row and marks it ready,
 * the secretariat decides, everyone downloads the stored appendix, and its hash stays the same after later changes.
 */
class FullCycleTest extends KaribuTest {

    private static final String ROW = "Metodutveckla narkotikateamet";

    @Autowired
    PeriodService periods;
    @Autowired
    FollowUpService followUp;
    @Autowired
    StructureService structure;
    @Autowired
    AppendixService appendices;
    @Autowired
    OrganisationService organisation;

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    @Test
    @SuppressWarnings("unchecked")
    void createFillMarkReadyDecideAndDownloadTheStoredAppendixWhoseHashStays() throws Exception {
        // the secretariat creates the annual report's period
        login("sekretariat");
        UI.getCurrent().navigate("perioder");
        ((Select<PeriodKind>) _get(Select.class, spec -> spec.withId("period-kind"))).setValue(PeriodKind.ANNUAL);
        _get(IntegerField.class, spec -> spec.withId("period-year")).setValue(2024);
        _get(DatePicker.class, spec -> spec.withId("period-end")).setValue(LocalDate.of(2024, 12, 31));
        _get(DatePicker.class, spec -> spec.withId("period-deadline")).setValue(LocalDate.of(2025, 1, 31));
        _click(_get(Button.class, spec -> spec.withId("period-create")));
        assertThat(periods.period("ks", "2024-ar").state()).isEqualTo(PeriodState.OPEN);

        // an official fills in a row of their department and marks it ready
        login("tjansteperson");
        UI.getCurrent().navigate(FollowUpView.class);
        selectPeriod("2024-ar");
        FollowUpView overview = _get(FollowUpView.class);
        action(overview, ROW).click();
        EntryDialog dialog = _get(EntryDialog.class);
        dialog.status.setValue("Genomfört");
        dialog.comment.setValue("Teamet arbetar enligt den nya metoden sedan hösten.");
        _click(dialog.save);
        overview = _get(FollowUpView.class);
        action(overview, ROW).click();
        _click(_get(Button.class, spec -> spec.withId("entry-ready")));
        FollowUpRow filled = row("2024-ar");
        assertThat(filled.status()).isEqualTo("Genomfört");
        assertThat(filled.ready()).isTrue();

        // the secretariat sends it for review and records the decision (after confirming)
        login("sekretariat");
        UI.getCurrent().navigate("perioder");
        Grid<PeriodDetails> grid = _get(Grid.class, spec -> spec.withId("periods-grid"));
        PeriodDetails annual = IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i))
                .filter(p -> p.slug().equals("2024-ar")).findFirst().orElseThrow();
        grid.select(annual);
        _click(_get(Button.class, spec -> spec.withId("period-review")));
        assertThat(periods.period("ks", "2024-ar").state()).isEqualTo(PeriodState.REVIEW);
        _get(TextField.class, spec -> spec.withId("decision-body")).setValue("Kommunstyrelsen");
        _get(DatePicker.class, spec -> spec.withId("decision-date")).setValue(LocalDate.of(2025, 3, 4));
        _get(TextField.class, spec -> spec.withId("decision-paragraph")).setValue("§ 40");
        _get(TextField.class, spec -> spec.withId("decision-diary")).setValue("KS 2025/0012");
        _click(_get(Button.class, spec -> spec.withId("decision-save")));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("decision-confirm"));
        confirm.getElement().setProperty("opened", true);
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(periods.period("ks", "2024-ar").state()).isEqualTo(PeriodState.DECIDED);

        // a politician downloads the stored Bilaga 2, with the filled-in row and its checksum shown
        login("politiker");
        UI.getCurrent().navigate("bilagor");
        selectPeriod("2024-ar");
        byte[] first = download();
        String hash = sha256(first);
        assertThat(_get(Paragraph.class, spec -> spec.withId("bilaga-2-docx-sha256"))
                .getElement().getTextRecursively()).endsWith(hash);
        assertThat(WordContent.of(first).rows()).anyMatch(r -> r.text().equals(ROW) && r.status().equals("Genomfört")
                && r.comment().equals("Teamet arbetar enligt den nya metoden sedan hösten."));

        // the structure changes afterwards: the decided appendix does not
        login("sekretariat");
        structure.retireItem(organisation.committee("ks"), filled.id());
        login("politiker");
        UI.getCurrent().navigate("bilagor");
        selectPeriod("2024-ar");
        assertThat(sha256(download())).isEqualTo(hash);
        assertThat(appendices.generate(periods.context("ks", "2024-ar"), AppendixKind.BILAGA_2,
                AppendixFormat.DOCX).sha256()).isEqualTo(hash);
    }

    @SuppressWarnings("unchecked")
    private void selectPeriod(String slug) {
        Select<ReportingPeriod> period = _get(Select.class, spec -> spec.withId("period-select"));
        HasValueUtilsKt._setValue(period,
                period.getListDataView().getItems().filter(p -> p.slug().equals(slug)).findFirst().orElseThrow());
    }

    private FollowUpRow row(String period) {
        return followUp.overview("ks", period).rows().stream().filter(r -> r.text().equals(ROW)).findFirst().orElseThrow();
    }

    private static OverviewCells.Action action(FollowUpView view, String text) {
        int index = IntStream.range(0, _size(view.grid))
                .filter(i -> _get(view.grid, i) instanceof OverviewNode.RowNode r
                        && r.row().text().equals(text))
                .findFirst().orElseThrow();
        return OverviewCells.action(view, index, 0);
    }

    private byte[] download() throws InterruptedException {
        _click(_get(Button.class, spec -> spec.withId("bilaga-2-docx")));
        for (int i = 0; i < 200; i++) {
            MockVaadin.clientRoundtrip();
            List<Anchor> found = _find(Anchor.class, spec -> spec.withId("bilaga-2-docx-download"));
            if (!found.isEmpty()) {
                return DownloadKt._download(found.get(0));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No download link");
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
