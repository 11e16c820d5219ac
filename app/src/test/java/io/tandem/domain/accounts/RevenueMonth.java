package io.tandem.domain.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** An account's MRR at the end of one month, as imported from the revenue history. */
@Entity
@Table(name = "revenue")
public class RevenueMonth {

    @EmbeddedId
    private Key key;
    private BigDecimal mrr;
    private String currency;

    protected RevenueMonth() {
    }

    public RevenueMonth(long accountId, YearMonth month, BigDecimal mrr, String currency) {
        this.key = new Key(accountId, month.atDay(1));
        this.mrr = mrr;
        this.currency = currency;
    }

    public long getAccountId() { return key.accountId; }
    public YearMonth getMonth() { return YearMonth.from(key.month); }
    public BigDecimal getMrr() { return mrr; }
    public String getCurrency() { return currency; }

    @Embeddable
    public record Key(@Column(name = "account_id") Long accountId, @Column(name = "month") LocalDate month)
            implements Serializable {
    }
}
