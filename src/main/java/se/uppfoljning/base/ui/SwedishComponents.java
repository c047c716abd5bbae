package se.uppfoljning.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import se.uppfoljning.base.i18n.Messages;

import java.text.DateFormatSymbols;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jsoup.nodes.DataNode;
import org.springframework.stereotype.Component;

/**
 * Swedish texts for the texts Vaadin's components carry themselves (screen-reader labels, upload and date picker
 * texts), which are English by default. The Java API covers Upload and DatePicker; for the labels the web components
 * set on their own (a sortable column's "Sort by …", the drawer toggle's "Toggle navigation panel", the password
 * field's "Show password") a small script in the page replaces the English default.
 */
public final class SwedishComponents {

    private SwedishComponents() {
    }

    /** Swedish texts, Swedish date format (2024-06-03) and Monday first for a date picker. */
    public static DatePicker datePicker(DatePicker picker) {
        Function<String, String> t = picker::getTranslation;
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(Messages.SWEDISH);
        // DateFormatSymbols' weekdays start at index 1 with Sunday, as Vaadin's lists do
        List<String> weekdays = Arrays.asList(symbols.getWeekdays()).subList(1, 8);
        List<String> weekdaysShort = Arrays.asList(symbols.getShortWeekdays()).subList(1, 8);
        picker.setLocale(Messages.SWEDISH);
        picker.setI18n(new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.asList(symbols.getMonths()).subList(0, 12))
                .setWeekdays(weekdays)
                .setWeekdaysShort(weekdaysShort)
                .setFirstDayOfWeek(1)
                .setDateFormat("yyyy-MM-dd")
                .setToday(t.apply("datePicker.today"))
                .setCancel(t.apply("datePicker.cancel"))
                .setBadInputErrorMessage(t.apply("datePicker.badInput")));
        return picker;
    }

    /** Swedish texts for an upload. */
    public static Upload upload(Upload upload) {
        Function<String, String> t = upload::getTranslation;
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t.apply("upload.dropFile")).setMany(t.apply("upload.dropFiles")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t.apply("upload.addFile")).setMany(t.apply("upload.addFiles")));
        i18n.setFile(new UploadI18N.File().setRetry(t.apply("upload.retry")).setStart(t.apply("upload.start"))
                .setRemove(t.apply("upload.remove")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(t.apply("upload.tooManyFiles"))
                .setFileIsTooBig(t.apply("upload.tooBig")).setIncorrectFileType(t.apply("upload.wrongType")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(t.apply("upload.connecting"))
                        .setStalled(t.apply("upload.stalled")).setProcessing(t.apply("upload.processing"))
                        .setHeld(t.apply("upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t.apply("upload.remaining"))
                        .setUnknown(t.apply("upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t.apply("upload.serverUnavailable"))
                        .setUnexpectedServerError(t.apply("upload.serverError"))
                        .setForbidden(t.apply("upload.forbidden"))));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB"));
        upload.setI18n(i18n);
        return upload;
    }

    /**
     * Adds to every page (login included) a script that gives the web components' own English labels Swedish ones: a
     * sortable column's sorter, the drawer toggle and the password field's reveal button (also the login form's).
     */
    @Component
    static class LabelScript implements VaadinServiceInitListener {
        @Override
        public void serviceInit(ServiceInitEvent event) {
            event.addIndexHtmlRequestListener(response -> response.getDocument().head()
                    .appendElement("script").appendChild(new DataNode(labelScript())));
        }
    }

    static String labelScript() {
        var i18n = VaadinService.getCurrent().getInstantiator().getI18NProvider();
        String sortBy = i18n.getTranslation("a11y.sortBy", Messages.SWEDISH);
        String toggle = i18n.getTranslation("a11y.drawerToggle", Messages.SWEDISH);
        String reveal = i18n.getTranslation("a11y.showPassword", Messages.SWEDISH);
        String script = """
                (function () {
                  var sortBy = %s, toggle = %s, reveal = %s;
                  function patch(tag, apply) {
                    customElements.whenDefined(tag).then(function () {
                      var type = customElements.get(tag), connected = type.prototype.connectedCallback;
                      type.prototype.connectedCallback = function () {
                        if (connected) { connected.apply(this, arguments); }
                        apply(this);
                      };
                      document.querySelectorAll(tag).forEach(apply);
                    });
                  }
                  customElements.whenDefined('vaadin-grid-sorter').then(function () {
                    var type = customElements.get('vaadin-grid-sorter'), set = type.prototype.setAttribute;
                    type.prototype.setAttribute = function (name, value) {
                      if (name === 'aria-label' && typeof value === 'string' && value.indexOf('Sort by ') === 0) {
                        value = sortBy + ' ' + value.substring(8);
                      }
                      return set.call(this, name, value);
                    };
                  });
                  patch('vaadin-drawer-toggle', function (el) {
                    if (!el.ariaLabel || el.ariaLabel === 'Toggle navigation panel') { el.ariaLabel = toggle; }
                  });
                  patch('vaadin-password-field', function (el) {
                    el.i18n = Object.assign({}, el.i18n, {reveal: reveal});
                  });
                })();
                """.formatted(json(sortBy), json(toggle), json(reveal));
        return script;
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
