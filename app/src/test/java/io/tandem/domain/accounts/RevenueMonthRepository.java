package io.tandem.domain.accounts;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RevenueMonthRepository extends JpaRepository<RevenueMonth, RevenueMonth.Key> {

    List<RevenueMonth> findByKeyAccountIdOrderByKeyMonth(Long accountId);
}
