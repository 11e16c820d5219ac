package io.tandem.domain.settings;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SettingsRepository extends JpaRepository<Settings, Short> {

    default Settings current() {
        return findById(Settings.ID).orElseThrow(() -> new IllegalStateException("settings row missing"));
    }
}
