package io.tandem.app.db;

import java.nio.file.Path;

/** Where Tandem keeps its files: the embedded PostgreSQL and the initial admin password. */
public record DataDirectory(Path path) {
}
