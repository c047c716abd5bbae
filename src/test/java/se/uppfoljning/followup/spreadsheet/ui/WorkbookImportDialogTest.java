package se.uppfoljning.followup.spreadsheet.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.followup.FollowUpRow;
import se.uppfoljning.followup.FollowUpService;
import se.uppfoljning.followup.WorkbookFiles;
import se.uppfoljning.followup.spreadsheet.FollowUpWorkbookService;
import se.uppfoljning.followup.spreadsheet.WorkbookChange;
import se.uppfoljning.followup.ui.FollowUpView;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.periods.PeriodService;
import se.uppfoljning.structure.ItemKind;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/** The overview's Excel buttons and the import dialog: preview grid, row errors, confirmation, notification. */
class WorkbookImportDialogTest extends KaribuTest {

    @Autowired
    FollowUpService followUp;
    @Autowired
    FollowUpWorkbookService workbooks;
    @Autowired
    PeriodService periods;

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    private FollowUpView open(String user) {
        login(user);
        UI.getCurrent().navigate(FollowUpView.class);
        return _get(FollowUpView.class);
    }

    @Test
    void secretariatPreviewsAndAppliesAnEditedCopy() {
        FollowUpView view = open("sekretariat");
        assertThat(_get(WorkbookToolbar.class).export.getText()).isEqualTo("Exportera till Excel");
        assertThat(_get(WorkbookToolbar.class).export.getHref()).isNotBlank();
        CommitteeContext dr2 = periods.context("ks", "2024-dr2");
        List<FollowUpRow> assignments = followUp.overview(dr2).rows().stream()
                .filter(r -> r.kind() == ItemKind.ASSIGNMENT && !"Genomfört".equals(r.status())).toList();
        byte[] edited = WorkbookFiles.edit(workbooks.export(dr2).content(), sheet -> {
            WorkbookFiles.set(sheet, assignments.get(0).id(), "Kommentar", "Från Excel.");
            WorkbookFiles.set(sheet, assignments.get(1).id(), "Status", "Genomfört");
        });

        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("workbook-import")));
        WorkbookImportDialog dialog = _get(WorkbookImportDialog.class);
        assertThat(dialog.apply.isEnabled()).isFalse();
        dialog.preview("ändrad.xlsx", edited);
        assertThat(dialog.summary.getText()).isEqualTo("ändrad.xlsx: 52 rader, 2 ändras.");
        List<WorkbookChange> shown = _fetch(dialog.changes, 0, 10);
        assertThat(shown).extracting(WorkbookChange::itemId)
                .containsExactlyInAnyOrder(assignments.get(0).id(), assignments.get(1).id());
        assertThat(dialog.errors.isVisible()).isFalse();
        assertThat(dialog.apply.isEnabled()).isTrue();

        _click(dialog.apply);
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("workbook-confirm"));
        confirm.getElement().setProperty("opened", true);
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(confirm);
        expectNotifications("2 poster har uppdaterats från ändrad.xlsx.");
        assertThat(dialog.isOpened()).isFalse();
        FollowUpRow after = followUp.row(dr2, assignments.get(1).id());
        assertThat(after.status()).isEqualTo("Genomfört");
        assertThat(followUp.row(dr2, assignments.get(0).id()).comment()).isEqualTo("Från Excel.");
    }

    @Test
    void rowErrorsAreListedAndNothingCanBeApplied() {
        FollowUpView view = open("tjansteperson");
        CommitteeContext dr2 = periods.context("ks", "2024-dr2");
        FollowUpRow other = followUp.overview(dr2).rows().stream().filter(r -> !r.editable()).findFirst().orElseThrow();
        int[] row = new int[1];
        byte[] edited = WorkbookFiles.edit(workbooks.export(dr2).content(),
                sheet -> row[0] = WorkbookFiles.set(sheet, other.id(), "Kommentar", "Inte min."));
        _click(_get(WorkbookToolbar.class).importButton);
        WorkbookImportDialog dialog = _get(WorkbookImportDialog.class);
        dialog.preview("fel.xlsx", edited);
        assertThat(dialog.summary.getText())
                .isEqualTo("Filen har fel på 1 rader. Ingenting har ändrats. Rätta raderna nedan och ladda upp filen igen.");
        List<ErrorDetail> errors = _fetch(dialog.errors, 0, 10);
        assertThat(errors).singleElement().satisfies(d -> assertThat(d.line()).isEqualTo(row[0]));
        assertThat(dialog.apply.isEnabled()).isFalse();
        assertThat(followUp.row(dr2, other.id()).comment()).isEqualTo(other.comment());
    }

    @Test
    void readersGetTheExportButNoImport() {
        FollowUpView view = open("politiker");
        assertThat(_get(WorkbookToolbar.class).export.isVisible()).isTrue();
        assertThat(_get(WorkbookToolbar.class).importButton.isVisible()).isFalse();
    }
}
