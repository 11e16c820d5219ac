package io.tandem.app.web;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every dashboard card on its own, {@code /<page>/cards/<card>} with the page's filter query: the card's HTML
 * fragment, rendered from the page's own template (templates/fragments/card.html), which static/js/cards.js
 * puts in the place of the card's placeholder. One route for all pages, as for their CSV: an unknown page or
 * card is a 404, a bad filter a 400 naming the parameter (the page itself shows its defaults instead).
 */
@Controller
class DashboardCardsController {

    private final List<DashboardCards> pages;

    DashboardCardsController(List<DashboardCards> pages) {
        this.pages = pages;
    }

    @GetMapping("/{page:[a-z]+}/cards/{card:[a-z0-9-]+}")
    String card(@PathVariable String page, @PathVariable String card, DashboardFilter filter, Authentication auth,
                Model model) throws NoResourceFoundException {
        DashboardCards cards = pages.stream().filter(p -> page.equals(p.page())).findFirst().orElse(null);
        if (cards == null) {
            throw new NoResourceFoundException(HttpMethod.GET, "/" + page + "/cards/" + card,
                    page + "/cards/" + card);
        }
        if (!cards.cards().contains(card)) {
            throw new NoSuchCardException(card, cards.cards());
        }
        model.addAllAttributes(cards.card(card, filter, auth.getPrincipal()));
        model.addAttribute("filter", filter);
        // both checked above, so that no request names a template or fragment of its own
        model.addAttribute("template", page + "/" + page);
        model.addAttribute("card", card);
        return "fragments/card";
    }
}
