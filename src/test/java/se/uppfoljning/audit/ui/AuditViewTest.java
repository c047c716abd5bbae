package se.uppfoljning.audit.ui;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditEntry;
import se.uppfoljning.base.security.AppUserPrincipal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class AuditViewTest extends KaribuTest {

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    private List<AuditEntry> shown(AuditView view) {
        return IntStream.range(0, _size(view.grid)).mapToObj(i -> _get(view.grid, i)).toList();
    }

    @Test
    void theAdminSearchesTheLogNewestFirstByTextDateAndAction() {
        login("admin");
        long kultur = ((AppUserPrincipal) userService.loadUserByUsername("kultur")).id();
        userService.deactivate(kultur);
        userService.reactivate(kultur);
        UI.getCurrent().navigate(AuditView.class);
        AuditView view = _get(AuditView.class);

        List<AuditEntry> all = shown(view);
        // 6 demo users created, 5 demo imports (KS structure, finance, measures and report text, KFN structure), per
        // committee DR1 sent for review and decided and DR2 created, KS published, then the two changes
        assertThat(all).hasSize(20);
        assertThat(all.get(0).action()).isEqualTo(AuditActions.USER_REACTIVATED);
        assertThat(all.get(1).action()).isEqualTo(AuditActions.USER_DEACTIVATED);
        assertThat(_getFormattedRow(view.grid, 0)).contains("Adam Administratör", "Användare återaktiverad", "kultur");
        assertThat(view.count.getText()).isEqualTo("Visar 20 händelser (senaste först)");

        view.text.setValue("Karin");
        assertThat(shown(view)).extracting(AuditEntry::subject).containsOnly("kultur");
        view.text.clear();
        view.action.setValue(AuditActions.USER_CREATED);
        assertThat(shown(view)).hasSize(6).allMatch(e -> e.username().equals("system"));
        view.action.clear();
        // the log's dates are Swedish dates (AuditRepository): near midnight UTC and Swedish time differ by a day
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        view.from.setValue(today.plusDays(1));
        assertThat(shown(view)).isEmpty();
        view.from.setValue(today.minusDays(1));
        view.to.setValue(today.plusDays(1));
        assertThat(shown(view)).hasSize(20);
        view.action.setValue(AuditActions.PERIOD_DECIDED);
        assertThat(shown(view)).hasSize(2).extracting(AuditEntry::subject).containsOnly("Delårsrapport med prognos 1 2024");
    }

    @Test
    void theSecretariatSeesNoEntriesAboutUsers() {
        login("sekretariat");
        UI.getCurrent().navigate(AuditView.class);
        assertThat(shown(_get(AuditView.class))).isNotEmpty()
                .noneMatch(e -> e.action().startsWith(AuditActions.USER_PREFIX))
                .extracting(AuditEntry::action)
                .contains(AuditActions.STRUCTURE_IMPORTED, AuditActions.FINANCE_IMPORTED);
    }
}
