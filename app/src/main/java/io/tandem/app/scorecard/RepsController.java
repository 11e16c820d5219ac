package io.tandem.app.scorecard;

import io.tandem.app.security.TandemUser;
import io.tandem.domain.reps.Rep;
import io.tandem.domain.reps.RepRepository;
import io.tandem.domain.users.UserRole;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A rep's page (their balanced scorecard) and the list managers move between reps with. Who may
 * see which rep is enforced in SecurityConfiguration, not here.
 */
@Controller
class RepsController {

    private final RepRepository reps;

    RepsController(RepRepository reps) {
        this.reps = reps;
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

    @GetMapping("/reps/{externalId}")
    String rep(@PathVariable String externalId, Model model) {
        Rep rep = reps.findByExternalId(externalId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no rep " + externalId));
        model.addAttribute("rep", rep);
        model.addAttribute("reps", reps.findAllByOrderByTeamAscNameAsc());
        return "scorecard/rep";
    }
}
