package io.tandem.app.scorecard;

import io.tandem.app.security.TandemUser;
import io.tandem.app.web.DashboardFilters;
import io.tandem.domain.reps.Rep;
import io.tandem.domain.reps.RepRepository;
import io.tandem.domain.settings.SettingsRepository;
import io.tandem.domain.users.UserRole;
import io.tandem.metrics.scorecard.Period;
import io.tandem.metrics.scorecard.Scorecard;
import io.tandem.metrics.scorecard.Scorecards;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A rep's balanced scorecard and the list managers move between reps with. Who may see which
 * rep is enforced in SecurityConfiguration, not here.
 */
@Controller
class RepsController {

    private final RepRepository reps;
    private final Scorecards scorecards;
    private final DashboardFilters filters;
    private final SettingsRepository settings;

    RepsController(RepRepository reps, Scorecards scorecards, DashboardFilters filters, SettingsRepository settings) {
        this.reps = reps;
        this.scorecards = scorecards;
        this.filters = filters;
        this.settings = settings;
    }

    /** "My scorecard": a REP's own page; managers and admins pick a rep. */
    @GetMapping("/me")
    String me(@AuthenticationPrincipal TandemUser user) {
        return user.role() == UserRole.REP ? "redirect:/reps/" + user.repExternalId() : "redirect:/reps";
    }

    @GetMapping("/reps")
    String list(Model model) {
        model.addAttribute("reps", reps.findAllByOrderByTeamAscNameAsc());
        return "scorecard/reps";
    }

    /**
     * A rep's scorecard page: a shell with the rep, the period and its navigation. The figures (seven periods of
     * the team queries, the slowest of the dashboards cold) load on their own as the card below, so the page
     * never waits for them (issue 16).
     */
    @GetMapping("/reps/{externalId}")
    String rep(@PathVariable String externalId, Period period, Model model) {
        Rep rep = reps.findByExternalId(externalId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no rep " + externalId));
        model.addAttribute("rep", rep);
        model.addAttribute("period", period);
        model.addAttribute("previous", period.previous());
        Period next = period.next();
        model.addAttribute("next", next.from().isAfter(filters.today()) ? null : next);
        model.addAttribute("reps", reps.findAllByOrderByTeamAscNameAsc());
        return "scorecard/rep";
    }

    /** The scorecard's figures on their own, for the page's placeholder (static/js/cards.js). */
    @GetMapping("/reps/{externalId}/cards/figures")
    String figures(@PathVariable String externalId, Period period, Model model) {
        Scorecard card = scorecards.of(externalId, period)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no rep " + externalId));
        model.addAttribute("view", ScorecardView.of(card, settings.current().getCurrency()));
        return "scorecard/rep :: figures";
    }
}
