package se.uppfoljning.audit.ui;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.audit.AuditActions;
import se.uppfoljning.audit.AuditEntry;
import se.uppfoljning.users.ApiTokenService;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** "Säkerhetshändelser" in /logg: for admins only. */
class AuditSecurityFilterTest extends KaribuTest {

    @Autowired
    ApiTokenService tokens;

    @BeforeEach
    void setUp() {
        testData.reset();
    }

    @Test
    void theLogFiltersSecurityEventsForAdminsOnly() {
        login("admin");
        userService.resetPassword(userService.users().stream().filter(u -> u.username().equals("kultur"))
                .findFirst().orElseThrow().id(), "Tillfälligt-lösen-42");
        tokens.create("Rapportverktyg", "read", java.time.OffsetDateTime.now().plusDays(3));
        UI.getCurrent().navigate(AuditView.class);
        AuditView view = _get(AuditView.class);
        assertThat(view.securityOnly.isVisible()).isTrue();
        view.securityOnly.setValue(true);
        List<AuditEntry> shown = IntStream.range(0, _size(view.grid)).mapToObj(i -> _get(view.grid, i)).toList();
        assertThat(shown).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder("security.tokenCreated", AuditActions.USER_PASSWORD_RESET);
        assertThat(view.actionLabel("security.tokenCreated")).isEqualTo("API-nyckel skapad");

        login("sekretariat");
        UI.getCurrent().navigate("framsteg");
        UI.getCurrent().navigate(AuditView.class);
        assertThat(_get(AuditView.class).securityOnly.isVisible()).isFalse();
    }

}
