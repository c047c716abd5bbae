package se.uppfoljning.readiness.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import se.uppfoljning.base.i18n.Messages;
import se.uppfoljning.readiness.ReadinessService.DepartmentReadyResult;

/** What "mark the department's rows ready" did: how many were marked, and which could not be, with why. */
public class DepartmentReadyDialog extends Dialog {

    final UnorderedList refused = new UnorderedList();

    public DepartmentReadyDialog(DepartmentReadyResult result) {
        setId("department-ready-dialog");
        setHeaderTitle(getTranslation("followUp.markDepartmentReady"));
        setWidth("min(46rem, 95vw)");
        Paragraph summary = new Paragraph(getTranslation("followUp.departmentReady.result", result.department(),
                Messages.integer(result.marked().size()), Messages.integer(result.alreadyReady())));
        summary.setId("department-ready-summary");
        summary.getElement().setAttribute("role", "status");
        add(summary);
        if (!result.refused().isEmpty()) {
            add(new Paragraph(getTranslation("followUp.departmentReady.refused",
                    Messages.integer(result.refused().size()))));
            refused.setId("department-ready-refused");
            result.refused().forEach(r -> refused.add(new ListItem(r.item() + " – " + r.reason())));
            add(refused);
        }
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId("department-ready-close");
        getFooter().add(close);
    }
}
