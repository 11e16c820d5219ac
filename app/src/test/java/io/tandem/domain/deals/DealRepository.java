package io.tandem.domain.deals;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DealRepository extends JpaRepository<Deal, Long> {

    Optional<Deal> findByExternalId(String externalId);
}
