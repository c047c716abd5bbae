package se.uppfoljning.base.api;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.ObjectProvider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error report for what never reaches Spring (a path with "%00" or an encoded "/", headers larger than
 * the limit, a malformed request line): under {@code /api/} the JSON contract with a Swedish message, elsewhere
 * Tomcat's page without the report or the server's version.
 */
public class ApiErrorReportValve extends ErrorReportValve {

    private final ObjectProvider<ApiErrors> errors;

    public ApiErrorReportValve(ObjectProvider<ApiErrors> errors) {
        this.errors = errors;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        String uri = request.getCoyoteRequest().requestURI().toString();
        if (status < 400 || response.getContentWritten() > 0 || !ApiErrors.isApi(uri)) {
            super.report(request, response, throwable);
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            ApiErrors apiErrors = errors.getObject();
            byte[] body = apiErrors.bytes(apiErrors.error(status));
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            var writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(body, StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response already started: nothing more to say
        }
    }
}
