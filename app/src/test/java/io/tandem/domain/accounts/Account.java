package io.tandem.domain.accounts;

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

@Entity
@Table(name = "accounts")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String externalId;
    private String name;
    private Instant signedUpAt;
    private Instant churnedAt;
    private Integer seats;
    private String plan;
    private BigDecimal mrr;
    private String currency;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_rep_id")
    private Rep ownerRep;

    protected Account() {
    }

    public Account(String externalId, String name, Instant signedUpAt) {
        this.externalId = externalId;
        this.name = name;
        this.signedUpAt = signedUpAt;
    }

    public Long getId() { return id; }
    public String getExternalId() { return externalId; }
    public String getName() { return name; }
    public Instant getSignedUpAt() { return signedUpAt; }
    public Instant getChurnedAt() { return churnedAt; }
    public void setChurnedAt(Instant churnedAt) { this.churnedAt = churnedAt; }
    public Integer getSeats() { return seats; }
    public void setSeats(Integer seats) { this.seats = seats; }
    public String getPlan() { return plan; }
    public void setPlan(String plan) { this.plan = plan; }
    public BigDecimal getMrr() { return mrr; }
    public void setMrr(BigDecimal mrr) { this.mrr = mrr; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public Rep getOwnerRep() { return ownerRep; }
    public void setOwnerRep(Rep ownerRep) { this.ownerRep = ownerRep; }
}
