package io.tandem.metrics.support;

import io.tandem.metrics.DifficultyTier;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One ticket behind a support figure (metrics.md section 2), for the drill-down table.
 *
 * @param externalId           the ticket's external id
 * @param openedAt             when it was opened
 * @param firstResponseMinutes first response time in minutes; absent when unanswered, never 0
 * @param replies              agent replies; absent when unknown
 * @param tier                 difficulty tier
 * @param rep                  the rep's external id; absent when unassigned
 * @param customer             the customer's external id
 */
public record TicketRow(String externalId, OffsetDateTime openedAt, BigDecimal firstResponseMinutes,
                        Integer replies, DifficultyTier tier, String rep, String customer) {
}
