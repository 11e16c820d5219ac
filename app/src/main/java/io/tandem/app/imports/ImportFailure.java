package io.tandem.app.imports;

import org.springframework.http.HttpStatus;

/** A file Tandem cannot import at all (not CSV, wrong encoding, no header, too large, busy). */
class ImportFailure extends RuntimeException {

    private final HttpStatus status;

    ImportFailure(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
