package se.uppfoljning.indicators.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.uppfoljning.KaribuTest;
import se.uppfoljning.followup.ui.FollowUpView;
import se.uppfoljning.indicators.IndicatorService;

import java.nio.charset.StandardCharsets;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** "Importera mätvärden" in Uppföljning: bad rows with line and column, then a preview, then the import. */
class ValueImportDialogTest extends KaribuTest {

    @Autowired
    IndicatorService indicators;

    private long item141;

    @BeforeEach
    void setUp() {
        testData.reset();
        item141 = testData.ksItemId("14.1");
    }

    @Test
    void theSecretariatUploadsSeesThePreviewAndImports() {
        login("sekretariat");
        UI.getCurrent().navigate(FollowUpView.class);
        _click(_get(Button.class, spec -> spec.withId("indicators-import-values")));
        ValueImportDialog dialog = _get(ValueImportDialog.class);

        dialog.preview("fel.csv", "nummer;ar;varde\n14.1;2023;sjuttiotre\n".getBytes(StandardCharsets.UTF_8));
        assertThat(dialog.errors.isVisible()).isTrue();
        assertThat(_fetch(dialog.errors, 0, 10)).extracting(d -> d.line() + ":" + d.column()).containsExactly("2:varde");
        assertThat(dialog.confirm.isEnabled()).isFalse();

        dialog.preview("nki.csv", "nummer;ar;varde;preliminar\n14.1;2023;73;\n14.1;2024;76;ja\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(dialog.errors.isVisible()).isFalse();
        assertThat(dialog.summary.getText()).contains("2 rader: 2 nya");
        assertThat(indicators.detail("ks", item141).values()).isEmpty();
        assertThat(dialog.confirm.isEnabled()).isTrue();
        _click(dialog.confirm);
        assertThat(indicators.detail("ks", item141).totals()).extracting(v -> v.value().toPlainString())
                .containsExactly("73", "76");
    }

    @Test
    void aPoliticianHasNoImport() {
        login("politiker");
        UI.getCurrent().navigate(FollowUpView.class);
        _assertNone(Button.class, spec -> spec.withId("indicators-import-values"));
    }
}
