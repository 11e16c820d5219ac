package io.tandem.domain.reps;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RepRepository extends JpaRepository<Rep, Long> {

    Optional<Rep> findByExternalId(String externalId);

    List<Rep> findAllByOrderByTeamAscNameAsc();
}
