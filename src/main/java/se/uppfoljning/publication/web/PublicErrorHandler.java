package se.uppfoljning.publication.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;
import se.uppfoljning.base.error.NotFoundException;
import se.uppfoljning.base.i18n.Messages;

import java.util.List;
import java.util.Map;

/**
 * Errors of the public pages as a page of their own (never the application's login or Vaadin page, never internals):
 * 404 for everything that is not public, 500 with a plain sentence otherwise. Open data (.json, .csv) answers JSON.
 */
@ControllerAdvice(assignableTypes = {PublicPagesController.class, OpenDataController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PublicErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(PublicErrorHandler.class);

    private final Messages messages;

    PublicErrorHandler(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletRequest request) {
        return error(request, HttpStatus.NOT_FOUND, "public.error.notFound");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failure(HttpServletRequest request, Exception e) {
        log.error("Fel på offentlig sida {}", request.getRequestURI(), e);
        return error(request, HttpStatus.INTERNAL_SERVER_ERROR, "public.error.failure");
    }

    private ModelAndView error(HttpServletRequest request, HttpStatus status, String key) {
        String uri = request.getRequestURI();
        ModelAndView view;
        if (uri.endsWith(".json") || uri.endsWith(".csv")) {
            view = new ModelAndView(new MappingJackson2JsonView());
            view.addAllObjects(Map.of("error", status == HttpStatus.NOT_FOUND ? "not_found" : "internal_error",
                    "message", messages.get(key), "details", List.of()));
        } else {
            view = new ModelAndView("offentlig/fel");
            view.addObject("message", messages.get(key));
            view.addObject("status", status.value());
        }
        view.setStatus(status);
        return view;
    }
}
