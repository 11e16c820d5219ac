package io.tandem.app.security;

/** The shared password of the demo users, shown on the login page only while demo data is loaded. */
public final class DemoAccounts {

    public static final String PASSWORD = "tandem-demo";

    private DemoAccounts() {
    }
}
