package io.tandem.app.security;

import io.tandem.app.db.DataDirectory;
import io.tandem.domain.users.AppUser;
import io.tandem.domain.users.AppUserRepository;
import io.tandem.domain.users.UserRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * With no admin in the database, creates user {@code admin} with a random password, printed once
 * to the log and written to {@code <data-dir>/initial-admin-password.txt} (readable by the owner
 * only). The password must be changed at first sign-in.
 */
@Component
@Order(0)
class InitialAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    static final String PASSWORD_FILE = "initial-admin-password.txt";
    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final Audit audit;
    private final Path dataDir;

    InitialAdmin(AppUserRepository users, PasswordEncoder encoder, Audit audit,
                 DataDirectory dataDir) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.dataDir = dataDir.path();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        boolean anyAdmin = users.findAll().stream().anyMatch(u -> u.getRole() == UserRole.ADMIN);
        if (anyAdmin) {
            return;
        }
        String password = Passwords.random();
        AppUser admin = users.findByUsernameIgnoreCase(USERNAME)
                .orElseGet(() -> new AppUser(USERNAME, "", UserRole.ADMIN, null));
        admin.setRole(UserRole.ADMIN);
        admin.setPasswordHash(encoder.encode(password));
        admin.setMustChangePassword(true);
        admin.setEnabled(true);
        users.save(admin);
        Path file = writePasswordFile(password);
        audit.record("system", "user_created", "initial admin '" + USERNAME + "'");
        log.warn("""

                ================================================================
                 First start: created user '{}' with password {}
                 (also in {}). You must change it at first sign-in.
                ================================================================""", USERNAME, password, file);
    }

    private Path writePasswordFile(String password) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(PASSWORD_FILE);
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system
        }
        Files.writeString(file, "user: " + USERNAME + "\npassword: " + password
                + "\nChange it at first sign-in; this file is not updated afterwards.\n");
        return file;
    }
}
