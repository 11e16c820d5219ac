package io.tandem.domain.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The embedded PostgreSQL's superuser password: 32 random bytes, base64url, kept in
 * {@code <data-dir>/tandem-db-password} and readable by its owner only (600).
 */
final class PasswordFile {

    static final String NAME = "tandem-db-password";
    static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordFile() {
    }

    static Path in(Path dataDirectory) {
        return dataDirectory.resolve(NAME);
    }

    static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String read(Path dataDirectory) throws IOException {
        return Files.readString(in(dataDirectory)).strip();
    }

    static void write(Path dataDirectory, String password) throws IOException {
        writeOwnerOnly(in(dataDirectory), password + "\n");
    }

    /**
     * Writes a file that only its owner can read, all or nothing: a temporary file is created with
     * mode 600 before any byte goes in, then moved over the target in one step, so that a crash
     * leaves either the old file or the new one, never a half-written or world-readable one.
     */
    static void writeOwnerOnly(Path target, String content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".new", OWNER_ONLY);
        try {
            Files.writeString(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
