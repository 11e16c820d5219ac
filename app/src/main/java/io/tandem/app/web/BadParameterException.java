package io.tandem.app.web;

/** A request parameter with a value Tandem cannot use; the message names the parameter (400 in the API). */
public class BadParameterException extends IllegalArgumentException {

    private final String parameter;

    public BadParameterException(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
