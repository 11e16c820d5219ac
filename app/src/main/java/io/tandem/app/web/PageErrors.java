package io.tandem.app.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one error advice of the pages and their CSV downloads: a bad parameter of a download is a
 * 400 naming it, an unknown table or card a 404 (pages themselves show their defaults with the message, see
 * {@link Filter#page()}); a busy database (see {@link DatabaseBusy}) is the 503 page, not the 500 one.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<String> badParameter(BadParameterException e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    @ExceptionHandler({NoSuchTableException.class, NoSuchCardException.class})
    ResponseEntity<String> noSuchPart(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    @ExceptionHandler(DataAccessException.class)
    ModelAndView database(DataAccessException e, HttpServletResponse response) throws DataAccessException {
        if (!DatabaseBusy.is(e)) {
            throw e;
        }
        log.warn("Page request refused, database busy: {}", e.getMostSpecificCause().getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseBusy.RETRY_AFTER_SECONDS);
        ModelAndView page = new ModelAndView("error/503");
        page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        return page;
    }
}
