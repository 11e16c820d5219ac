package io.tandem.domain.settings;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** The organisation's settings: a single row (id = 1) read by the metrics. */
@Entity
@Table(name = "settings")
public class Settings {

    public static final short ID = 1;

    @Id
    private Short id = ID;
    private String organisationName;
    private String timeZone;
    private String currency;
    private BigDecimal grossMargin;
    private BigDecimal monthlyMarketingSpend;
    private int segmentSmallMax;
    private int segmentMediumMax;
    private int hardMinReplies;
    private int hardMinMinutes;
    private int easyMaxReplies;
    private int easyMaxMinutes;
    private BigDecimal commissionRate;
    private String demoState;
    private boolean repsSeeTeamPages;

    protected Settings() {
    }

    public String getOrganisationName() { return organisationName; }
    public void setOrganisationName(String organisationName) { this.organisationName = organisationName; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public BigDecimal getGrossMargin() { return grossMargin; }
    public void setGrossMargin(BigDecimal grossMargin) { this.grossMargin = grossMargin; }
    public BigDecimal getMonthlyMarketingSpend() { return monthlyMarketingSpend; }
    public void setMonthlyMarketingSpend(BigDecimal v) { this.monthlyMarketingSpend = v; }
    public int getSegmentSmallMax() { return segmentSmallMax; }
    public void setSegmentSmallMax(int v) { this.segmentSmallMax = v; }
    public int getSegmentMediumMax() { return segmentMediumMax; }
    public void setSegmentMediumMax(int v) { this.segmentMediumMax = v; }
    public int getHardMinReplies() { return hardMinReplies; }
    public void setHardMinReplies(int v) { this.hardMinReplies = v; }
    public int getHardMinMinutes() { return hardMinMinutes; }
    public void setHardMinMinutes(int v) { this.hardMinMinutes = v; }
    public int getEasyMaxReplies() { return easyMaxReplies; }
    public void setEasyMaxReplies(int v) { this.easyMaxReplies = v; }
    public int getEasyMaxMinutes() { return easyMaxMinutes; }
    public void setEasyMaxMinutes(int v) { this.easyMaxMinutes = v; }
    public boolean isRepsSeeTeamPages() { return repsSeeTeamPages; }
    public void setRepsSeeTeamPages(boolean v) { this.repsSeeTeamPages = v; }
    public BigDecimal getCommissionRate() { return commissionRate; }
    public void setCommissionRate(BigDecimal commissionRate) { this.commissionRate = commissionRate; }
    /** none, loaded or cleared. */
    public String getDemoState() { return demoState; }
    public void setDemoState(String demoState) { this.demoState = demoState; }
}
