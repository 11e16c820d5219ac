package io.tandem.domain;

/** Marker for entity and repository scanning: everything under this package is domain. */
public final class DomainPackage {
    private DomainPackage() {
    }
}
