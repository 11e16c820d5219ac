package io.tandem.app.web;

import java.util.List;

/** A page's {@code cards/<card>} names no card of the page: 404 on every page alike. */
public class NoSuchCardException extends RuntimeException {

    public NoSuchCardException(String name, List<String> cards) {
        super("There is no card '" + name + "'; cards: " + String.join(", ", cards) + ".");
    }
}
