package io.tandem.domain.deals;

import io.tandem.domain.accounts.Account;
import io.tandem.domain.reps.Rep;
import io.tandem.domain.tickets.Ticket;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A sales opportunity; amount is MRR (metrics.md section 4). */
@Entity
@Table(name = "deals")
public class Deal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String externalId;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    private Account account;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "rep_id")
    private Rep rep;
    private DealType type;
    private BigDecimal amount;
    private String currency;
    private DealStage stage;
    private Instant createdAt;
    private Instant closedAt;
    private String source;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;

    protected Deal() {
    }

    public Deal(String externalId, Rep rep, DealType type, BigDecimal amount, DealStage stage) {
        this.externalId = externalId;
        this.rep = rep;
        this.type = type;
        this.amount = amount;
        this.stage = stage;
    }

    public Long getId() { return id; }
    public String getExternalId() { return externalId; }
    public Account getAccount() { return account; }
    public void setAccount(Account account) { this.account = account; }
    public Rep getRep() { return rep; }
    public DealType getType() { return type; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public DealStage getStage() { return stage; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getClosedAt() { return closedAt; }
    public void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public Ticket getTicket() { return ticket; }
    public void setTicket(Ticket ticket) { this.ticket = ticket; }
}
