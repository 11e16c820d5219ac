package io.tandem.app.security;

import io.tandem.domain.audit.AuditEntry;
import io.tandem.domain.audit.AuditEntryRepository;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes the audit log. Entries survive a rollback of the work they describe. */
@Component
public class Audit {

    private final AuditEntryRepository entries;

    Audit(AuditEntryRepository entries) {
        this.entries = entries;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String actor, String action, String detail) {
        entries.save(new AuditEntry(actor == null ? "anonymous" : actor, action, detail));
    }

    /** Records an action of the signed-in user. */
    public void record(String action, String detail) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        record(auth == null ? "system" : auth.getName(), action, detail);
    }
}
