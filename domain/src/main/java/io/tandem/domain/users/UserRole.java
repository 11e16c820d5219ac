package io.tandem.domain.users;

/** ADMIN imports and manages; MANAGER sees every dashboard; REP sees their own scorecard. */
public enum UserRole {
    ADMIN, MANAGER, REP
}
