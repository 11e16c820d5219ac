package io.tandem.app.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a {@link DashboardFilter} controller parameter is bound (see {@link DashboardFilterArguments});
 * a parameter without it is bound strictly: a bad value is a 400 naming the parameter.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Filter {

    /**
     * A dashboard page: a bad value does not break the page, which shows the defaults with a message
     * naming the parameter (model {@code filterError}); the model also gets what the filter bar offers.
     */
    boolean page() default false;

    /** Only team and segment are read (a drill-down into one cohort cell has its own dates). */
    boolean scopeOnly() default false;
}
