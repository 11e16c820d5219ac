package io.tandem.app.web;

import io.tandem.app.security.TandemUser;
import io.tandem.domain.reps.Rep;
import io.tandem.domain.reps.RepRepository;
import io.tandem.domain.users.UserRole;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How reps appear in per-rep tables, charts, drill-downs and CSVs for the person looking (issue 6, access):
 * REP users see team pages as aggregates, so any rep but themselves is a label such as "Rep 7KQ2MX" without
 * a name; managers, admins and API tokens of those see the external id and name. A label is the start of an
 * HMAC-SHA256 of the rep's external id under a random key kept in the database (settings.rep_label_key), in
 * Crockford's base 32: the same rep has the same label on every page, API and CSV and for every viewer, and
 * without the key a label tells nothing of the rep (sequential ids included).
 */
@Component
public class RepLabels {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Characters of a label: 30 bits, so 200 reps share one with a chance of about 2 in 100,000. */
    static final int LENGTH = 6;

    private final RepRepository reps;
    private final JdbcClient jdbc;
    private volatile Mac keyed;

    RepLabels(RepRepository reps, JdbcClient jdbc) {
        this.reps = reps;
        this.jdbc = jdbc;
    }

    /** The label REP users see for this rep (when no two reps of the roster share it). */
    public String labelOf(String externalId) {
        return label(externalId, LENGTH);
    }

    /** The label of a hidden rep, {@code length} characters long. */
    String label(String externalId, int length) {
        byte[] digest;
        try {
            Mac mac = (Mac) key().clone();
            digest = mac.doFinal(externalId.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder out = new StringBuilder("Rep ");
        long bits = 0;
        int held = 0;
        int next = 0;
        while (out.length() < 4 + length) {
            if (held < 5) {
                bits = (bits << 8) | (digest[next++] & 0xff);
                held += 8;
            }
            out.append(ALPHABET.charAt((int) (bits >>> (held - 5)) & 31));
            held -= 5;
        }
        return out.toString();
    }

    private Mac key() {
        Mac mac = keyed;
        if (mac == null) {
            String key = jdbc.sql("select rep_label_key from settings").query(String.class).single();
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            keyed = mac;
        }
        return mac;
    }

    /** The labels for one table as seen by {@code viewer} (the authentication's principal). */
    public View forViewer(Object viewer) {
        Map<String, String> names = new TreeMap<>();
        reps.findAllByOrderByTeamAscNameAsc().forEach(r -> names.putIfAbsent(r.getExternalId(), r.getName()));
        boolean hide = !(viewer instanceof TandemUser u) || u.role() == UserRole.REP;
        String own = viewer instanceof TandemUser u && u.role() == UserRole.REP ? u.repExternalId() : null;
        Map<String, String> hidden = new HashMap<>();
        if (hide) {
            // two reps of the roster with one label (rare) would merge in a table: then all labels are longer
            for (int length = LENGTH; hidden.size() < names.size() && length <= 40; length += 4) {
                hidden.clear();
                for (String rep : names.keySet()) {
                    hidden.put(rep, label(rep, length));
                }
                if (new HashSet<>(hidden.values()).size() < hidden.size()) {
                    hidden.clear();
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

        /** The rep's shown id: the external id, or "Rep 7KQ2MX" (RepLabels) when hidden; null stays null. */
        public String label(String rep) {
            if (!hides(rep)) {
                return rep;
            }
            return hiddenLabels.getOrDefault(rep, "Rep ?");
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
