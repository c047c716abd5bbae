package se.uppfoljning.base.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import se.uppfoljning.base.error.DomainException;
import se.uppfoljning.base.error.ErrorDetail;
import se.uppfoljning.base.i18n.Messages;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Maps every exception of a request under {@code /api/} to {@code {error, message, details}} with a Swedish message:
 * refusals of the services (their own status), Spring MVC's errors (unknown path 404, 405, 406, 415, malformed
 * JSON or multipart 400, unknown fields 400 naming the field, oversized upload 413) and anything else as a 500
 * without internals. Written straight to the response, so even a client that accepts no JSON gets it. Outside the
 * API the exception is rethrown to Spring's default handling.
 */
@RestControllerAdvice
// after advice that is scoped to its own controllers (the public pages' HTML errors)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Messages messages;
    private final ApiErrors errors;

    public ApiExceptionHandler(Messages messages, ApiErrors errors) {
        this.messages = messages;
        this.errors = errors;
    }

    @ExceptionHandler(DomainException.class)
    void domain(DomainException e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        apiOnly(e, request);
        errors.write(response, e.httpStatus(), new ApiError(e.errorCode(), messages.of(e), e.details()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        apiOnly(e, request);
        log.warn("Nekad åtkomst i API: {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        errors.write(response, 403, "forbidden", messages.get("api.error.forbidden"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    void unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        apiOnly(e, request);
        // a refusal from a body's deserializer (a control character, InputText) arrives wrapped by Jackson
        for (Throwable wrapped = e.getCause(); wrapped != null; wrapped = wrapped.getCause()) {
            if (wrapped instanceof DomainException domain) {
                domain(domain, request, response);
                return;
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            errors.write(response, 400, new ApiError("bad_request", messages.get("api.error.unknownField", field),
                    List.of(new ErrorDetail(null, field, messages.get("api.error.unknownField.detail", field)))));
        } else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            errors.write(response, 400, new ApiError("bad_request", messages.get("api.error.invalidField", field),
                    List.of(new ErrorDetail(null, field, messages.get("api.error.invalidField", field)))));
        } else if (cause instanceof JsonProcessingException) {
            errors.write(response, 400, "bad_request", messages.get("api.error.malformedJson"));
        } else {
            errors.write(response, 400, "bad_request", messages.get("api.error.bodyMissing"));
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        apiOnly(e, request);
        errors.write(response, 400, "bad_request", messages.get("api.error.invalidParameter", e.getName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    void missingParameter(MissingServletRequestParameterException e, HttpServletRequest request,
                          HttpServletResponse response) throws Exception {
        apiOnly(e, request);
        errors.write(response, 400, "bad_request", messages.get("api.error.missingParameter", e.getParameterName()));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    void missingPart(MissingServletRequestPartException e, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        apiOnly(e, request);
        errors.write(response, 400, "bad_request", messages.get("api.error.missingPart", e.getRequestPartName()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        apiOnly(e, request);
        errors.write(response, 413, errors.error(413));
    }

    /** A multipart body that cannot be parsed (no boundary, cut off): the client's fault, never a 500. */
    @ExceptionHandler(MultipartException.class)
    void multipart(MultipartException e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        apiOnly(e, request);
        errors.write(response, 400, "bad_request", messages.get("api.error.malformedMultipart"));
    }

    /** Spring MVC's own errors (404 unknown path, 405, 406, 415 …) with their status and the Swedish text of it. */
    private void mvc(ErrorResponse error, Exception e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        int status = error.getStatusCode().value();
        error.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        if (status >= 500) {
            log.error("Fel i API: {} {}", request.getMethod(), request.getRequestURI(), e);
        }
        errors.write(response, status, errors.error(status));
    }

    /** The client went away: nothing to answer. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void gone(AsyncRequestNotUsableException e) {
        log.debug("Klienten avbröt: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        apiOnly(e, request);
        if (e instanceof ErrorResponse error) {
            mvc(error, e, request, response);
            return;
        }
        if (e instanceof IOException && e.getClass().getSimpleName().contains("ClientAbort")) {
            return;
        }
        log.error("Oväntat fel i API: {} {}", request.getMethod(), request.getRequestURI(), e);
        if (!response.isCommitted()) {
            response.reset();
            errors.write(response, 500, errors.error(500));
        }
    }

    /** Outside the API Spring's default handling applies: rethrowing the same exception hands it back. */
    private static void apiOnly(Exception e, HttpServletRequest request) throws Exception {
        if (!ApiErrors.isApi(request)) {
            throw e;
        }
    }
}
