package io.tandem.app.web;

import java.util.List;

/**
 * The tables of one dashboard page, each downloadable as {@code /<page>/<table>.csv} through
 * {@link DashboardTablesController}; implemented by each feature's report.
 */
public interface DashboardTables {

    /** The page's path: {@code revenue} for {@code /revenue}. */
    String page();

    /** The names of its tables, in page order. */
    List<String> tables();

    /**
     * A table as CSV, for a name in {@link #tables()}.
     *
     * @param viewer the signed-in principal: REP users see other reps as labels (RepLabels)
     */
    CsvTable table(String name, DashboardFilter filter, Object viewer);
}
