package se.uppfoljning.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * The question asked before an action that is hard to take back (deciding, reopening, retiring, deactivating,
 * sending, applying an import): the same dialog everywhere, with "Avbryt" to back out. Not yet opened.
 */
public final class Confirmation {

    private Confirmation() {
    }

    /** {@code destructive}: the confirm button is red (something is removed, ended or unlocked). */
    public static ConfirmDialog of(String id, String header, String text, String confirmText, boolean destructive,
                                   Runnable onConfirm) {
        ConfirmDialog dialog = base(id, header, confirmText, destructive, onConfirm);
        dialog.setText(text);
        return dialog;
    }

    public static ConfirmDialog of(String id, String header, Component text, String confirmText, boolean destructive,
                                   Runnable onConfirm) {
        ConfirmDialog dialog = base(id, header, confirmText, destructive, onConfirm);
        dialog.setText(text);
        return dialog;
    }

    private static ConfirmDialog base(String id, String header, String confirmText, boolean destructive,
                                      Runnable onConfirm) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId(id);
        dialog.setHeader(header);
        dialog.setCancelable(true);
        dialog.setCancelText(UI.getCurrent().getTranslation("action.cancel"));
        dialog.setConfirmText(confirmText);
        if (destructive) {
            dialog.setConfirmButtonTheme("error primary");
        }
        dialog.addConfirmListener(e -> onConfirm.run());
        return dialog;
    }
}
