package io.tandem.app.web;

import java.util.List;
import java.util.Map;

/**
 * The cards of one dashboard page, each rendered on its own as {@code /<page>/cards/<card>} through
 * {@link DashboardCardsController}, so that the page never waits for its slowest card: the page itself is
 * a shell with a placeholder per card (templates/fragments/panel.html). Implemented by each feature's report.
 * A card's name is the id of its panel or figure card, and the name of the {@code th:fragment} that renders
 * it in {@code templates/<page>/<page>.html}. The page's access rule must cover {@code /<page>/**}
 * (SecurityConfiguration.TEAM_PAGES), as it covers the page's CSV downloads.
 */
public interface DashboardCards {

    /** The page's path: {@code revenue} for {@code /revenue}. */
    String page();

    /** The names of its cards, in page order. */
    List<String> cards();

    /**
     * The model a card renders from, for a name in {@link #cards()}: the same attributes the whole page
     * had before its cards loaded on their own. Cards that share a query ask the {@code MetricCache},
     * which runs it once for requests that arrive together.
     *
     * @param viewer the signed-in principal: REP users see other reps as labels (RepLabels)
     */
    Map<String, Object> card(String name, DashboardFilter filter, Object viewer);
}
