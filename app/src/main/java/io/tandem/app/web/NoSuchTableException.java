package io.tandem.app.web;

import java.util.List;

/** A page's {@code <table>.csv} names no table of the page: 404 on every page alike. */
public class NoSuchTableException extends RuntimeException {

    public NoSuchTableException(String name, List<String> tables) {
        super("There is no table '" + name + "'; tables: " + String.join(", ", tables) + ".");
    }
}
