package io.tandem.app.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** A multipart upload over the size limit is refused before any controller sees it: say so as 413. */
@RestControllerAdvice
class UploadLimit {

    private final long maxMb;

    UploadLimit(@Value("${tandem.import.max-file-mb:200}") long maxMb) {
        this.maxMb = maxMb;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ProblemDetail.forStatusAndDetail(
                HttpStatus.PAYLOAD_TOO_LARGE, "The file is larger than the limit of " + maxMb
                        + " MB (tandem.import.max-file-mb)."));
    }
}
