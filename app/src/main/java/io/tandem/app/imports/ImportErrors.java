package io.tandem.app.imports;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Import and export refusals as problem+json, for the API and for the import page's JSON calls
 * alike (the page shows the detail).
 */
@RestControllerAdvice(assignableTypes = {ImportApiController.class, ImportController.class})
class ImportErrors {

    @ExceptionHandler(ImportFailure.class)
    ResponseEntity<ProblemDetail> failure(ImportFailure e) {
        return ResponseEntity.status(e.status()).body(ProblemDetail.forStatusAndDetail(e.status(), e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badParameter(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
    }
}
