package io.tandem.domain.tickets;

import io.tandem.domain.accounts.Account;
import io.tandem.domain.accounts.Customer;
import io.tandem.domain.reps.Rep;
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

/** A support conversation. */
@Entity
@Table(name = "tickets")
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String externalId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    private Account account;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "rep_id")
    private Rep rep;
    private String channel;
    private String type;
    private Instant openedAt;
    private Instant firstResponseAt;
    private Instant closedAt;
    private Integer agentReplies;
    private BigDecimal handleMinutes;
    private boolean escalated;
    private boolean presale;

    protected Ticket() {
    }

    public Ticket(String externalId, Customer customer, Instant openedAt) {
        this.externalId = externalId;
        this.customer = customer;
        this.openedAt = openedAt;
    }

    public Long getId() { return id; }
    public String getExternalId() { return externalId; }
    public Customer getCustomer() { return customer; }
    public Account getAccount() { return account; }
    public void setAccount(Account account) { this.account = account; }
    public Rep getRep() { return rep; }
    public void setRep(Rep rep) { this.rep = rep; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getFirstResponseAt() { return firstResponseAt; }
    public void setFirstResponseAt(Instant firstResponseAt) { this.firstResponseAt = firstResponseAt; }
    public Instant getClosedAt() { return closedAt; }
    public void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
    public Integer getAgentReplies() { return agentReplies; }
    public void setAgentReplies(Integer agentReplies) { this.agentReplies = agentReplies; }
    public BigDecimal getHandleMinutes() { return handleMinutes; }
    public void setHandleMinutes(BigDecimal handleMinutes) { this.handleMinutes = handleMinutes; }
    public boolean isEscalated() { return escalated; }
    public void setEscalated(boolean escalated) { this.escalated = escalated; }
    public boolean isPresale() { return presale; }
    public void setPresale(boolean presale) { this.presale = presale; }
}
