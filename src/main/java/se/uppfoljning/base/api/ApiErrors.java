package se.uppfoljning.base.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.i18n.Messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one error contract of everything under {@code /api/}: {@code {error, message, details}} with a stable code
 * per status and a Swedish message from the bundle ({@code api.error.status.<status>}). Used by the exception
 * handler, the security filters, the error controller and the container's error report.
 */
@Component
public class ApiErrors {

    private final ObjectMapper json;
    private final Messages messages;

    public ApiErrors(ObjectMapper json, Messages messages) {
        this.json = json;
        this.messages = messages;
    }

    /** Whether a request URI (as sent, with or without context path) addresses the API. */
    public static boolean isApi(String uri) {
        return uri != null && (uri.equals("/api") || uri.startsWith("/api/"));
    }

    public static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (uri != null && context != null && !context.isEmpty() && uri.startsWith(context)) {
            uri = uri.substring(context.length());
        }
        return isApi(uri);
    }

    /** The stable error code of an HTTP status. */
    public static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "validation_failed";
            case 423 -> "locked";
            case 429 -> "too_many_requests";
            default -> status >= 500 ? "internal_error" : "error";
        };
    }

    /** The Swedish text for a status without a more precise one. */
    public String messageFor(int status) {
        int known = switch (status) {
            case 400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 423, 429 -> status;
            default -> status >= 500 ? 500 : 400;
        };
        return messages.get("api.error.status." + known);
    }

    public ApiError error(int status) {
        return new ApiError(code(status), messageFor(status), List.of());
    }

    public String message(String key, Object... arguments) {
        return messages.get(key, arguments);
    }

    public void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        byte[] body = bytes(error);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    public void write(HttpServletResponse response, int status, String error, String message) throws IOException {
        write(response, status, new ApiError(error, message, List.of()));
    }

    public byte[] bytes(ApiError error) {
        try {
            return json.writeValueAsBytes(error);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ApiError of(String error, String message, List<ErrorDetail> details) {
        return new ApiError(error, message, details);
    }
}
