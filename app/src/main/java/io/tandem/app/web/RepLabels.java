package io.tandem.app.web;

import io.tandem.app.security.TandemUser;
import io.tandem.domain.reps.Rep;
import io.tandem.domain.reps.RepRepository;
import io.tandem.domain.users.UserRole;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * How reps appear in per-rep tables, charts, drill-downs and CSVs for the person looking (issue 6, access):
 * REP users see team pages as aggregates, so any rep but themselves is "Rep n" without a name; managers,
 * admins and API tokens of those see the external id and name. Hidden reps are numbered by external id over
 * the whole roster, so that the same hidden rep has the same number in every table and drill-down.
 */
@Component
public class RepLabels {

    private final RepRepository reps;

    RepLabels(RepRepository reps) {
        this.reps = reps;
    }

    /** The labels for one table as seen by {@code viewer} (the authentication's principal). */
    public View forViewer(Object viewer) {
        Map<String, String> names = new TreeMap<>();
        reps.findAllByOrderByTeamAscNameAsc().forEach(r -> names.putIfAbsent(r.getExternalId(), r.getName()));
        boolean hide = !(viewer instanceof TandemUser u) || u.role() == UserRole.REP;
        String own = viewer instanceof TandemUser u && u.role() == UserRole.REP ? u.repExternalId() : null;
        Map<String, String> hidden = new HashMap<>();
        if (hide) {
            for (String rep : names.keySet()) {
                if (!rep.equals(own)) {
                    hidden.put(rep, "Rep " + (hidden.size() + 1));
                }
            }
        }
        return new View(names, hide, own, hidden);
    }

    /** How one viewer sees reps. */
    public static final class View {

        private final Map<String, String> names;
        private final boolean hide;
        private final String own;
        private final Map<String, String> hiddenLabels;

        View(Map<String, String> names, boolean hide, String own, Map<String, String> hiddenLabels) {
            this.names = names;
            this.hide = hide;
            this.own = own;
            this.hiddenLabels = hiddenLabels;
        }

        /** Whether {@code rep} is hidden from this viewer; null (no rep) is never hidden. */
        public boolean hides(String rep) {
            return rep != null && hide && !rep.equals(own);
        }

        /** The rep's shown id: the external id, or "Rep n" when hidden; null stays null. */
        public String label(String rep) {
            if (!hides(rep)) {
                return rep;
            }
            return hiddenLabels.getOrDefault(rep, "Rep");
        }

        /** The rep's name, or null when hidden or unknown. */
        public String name(String rep) {
            return rep == null || hides(rep) ? null : names.get(rep);
        }

        /** Whether this viewer may pick out this rep's tickets (managers any rep, REP users only their own). */
        public boolean maySelect(String rep) {
            return !hides(rep);
        }
    }
}
