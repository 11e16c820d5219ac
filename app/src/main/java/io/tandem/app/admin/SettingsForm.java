package io.tandem.app.admin;

import io.tandem.domain.settings.Settings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.validation.Errors;

/**
 * The organisation settings as the admin form edits them; percentages are shown as 0..100.
 * A mutable bean, not a record: a value that does not convert ("abc" for a number) must still
 * re-render the form with the other values and a message next to the field.
 */
public class SettingsForm {

    @NotBlank(message = "Give the organisation a name.") @Size(max = 120, message = "At most 120 characters.")
    private String organisationName;

    @NotBlank(message = "Choose a time zone, e.g. Europe/Berlin.")
    private String timeZone;

    @NotNull(message = "Give a currency code.") @Pattern(regexp = "[A-Z]{3}", message = "Three capital letters, e.g. EUR.")
    private String currency;

    @NotNull(message = "Give the gross margin.") @DecimalMin(value = "1", message = "At least 1%.") @DecimalMax(value = "100", message = "At most 100%.")
    private BigDecimal grossMarginPercent;

    @NotNull(message = "Give the monthly marketing spend (0 if none).") @DecimalMin(value = "0", message = "Cannot be negative.")
    private BigDecimal monthlyMarketingSpend;

    @NotNull(message = "Required.") @Min(value = 1, message = "At least 1.") @Max(value = 10000, message = "Too large.")
    private Integer segmentSmallMax;

    @NotNull(message = "Required.") @Min(value = 2, message = "At least 2.") @Max(value = 100000, message = "Too large.")
    private Integer segmentMediumMax;

    @NotNull(message = "Required.") @Min(value = 1, message = "At least 1.")
    private Integer hardMinReplies;

    @NotNull(message = "Required.") @Min(value = 1, message = "At least 1.")
    private Integer hardMinMinutes;

    @NotNull(message = "Required.") @Min(value = 0, message = "Cannot be negative.")
    private Integer easyMaxReplies;

    @NotNull(message = "Required.") @Min(value = 0, message = "Cannot be negative.")
    private Integer easyMaxMinutes;

    @NotNull(message = "Give the commission rate.") @DecimalMin(value = "0", message = "Cannot be negative.") @DecimalMax(value = "100", message = "At most 100%.")
    private BigDecimal commissionPercent;

    private boolean repsSeeTeamPages;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public String getOrganisationName() { return organisationName; }
    public void setOrganisationName(String organisationName) { this.organisationName = organisationName; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public BigDecimal getGrossMarginPercent() { return grossMarginPercent; }
    public void setGrossMarginPercent(BigDecimal grossMarginPercent) { this.grossMarginPercent = grossMarginPercent; }
    public BigDecimal getMonthlyMarketingSpend() { return monthlyMarketingSpend; }
    public void setMonthlyMarketingSpend(BigDecimal monthlyMarketingSpend) { this.monthlyMarketingSpend = monthlyMarketingSpend; }
    public Integer getSegmentSmallMax() { return segmentSmallMax; }
    public void setSegmentSmallMax(Integer segmentSmallMax) { this.segmentSmallMax = segmentSmallMax; }
    public Integer getSegmentMediumMax() { return segmentMediumMax; }
    public void setSegmentMediumMax(Integer segmentMediumMax) { this.segmentMediumMax = segmentMediumMax; }
    public Integer getHardMinReplies() { return hardMinReplies; }
    public void setHardMinReplies(Integer hardMinReplies) { this.hardMinReplies = hardMinReplies; }
    public Integer getHardMinMinutes() { return hardMinMinutes; }
    public void setHardMinMinutes(Integer hardMinMinutes) { this.hardMinMinutes = hardMinMinutes; }
    public Integer getEasyMaxReplies() { return easyMaxReplies; }
    public void setEasyMaxReplies(Integer easyMaxReplies) { this.easyMaxReplies = easyMaxReplies; }
    public Integer getEasyMaxMinutes() { return easyMaxMinutes; }
    public void setEasyMaxMinutes(Integer easyMaxMinutes) { this.easyMaxMinutes = easyMaxMinutes; }
    public BigDecimal getCommissionPercent() { return commissionPercent; }
    public void setCommissionPercent(BigDecimal commissionPercent) { this.commissionPercent = commissionPercent; }
    public boolean isRepsSeeTeamPages() { return repsSeeTeamPages; }
    public void setRepsSeeTeamPages(boolean repsSeeTeamPages) { this.repsSeeTeamPages = repsSeeTeamPages; }

    static SettingsForm of(Settings s) {
        SettingsForm f = new SettingsForm();
        f.organisationName = s.getOrganisationName();
        f.timeZone = s.getTimeZone();
        f.currency = s.getCurrency();
        f.grossMarginPercent = percent(s.getGrossMargin());
        f.monthlyMarketingSpend = s.getMonthlyMarketingSpend();
        f.segmentSmallMax = s.getSegmentSmallMax();
        f.segmentMediumMax = s.getSegmentMediumMax();
        f.hardMinReplies = s.getHardMinReplies();
        f.hardMinMinutes = s.getHardMinMinutes();
        f.easyMaxReplies = s.getEasyMaxReplies();
        f.easyMaxMinutes = s.getEasyMaxMinutes();
        f.commissionPercent = percent(s.getCommissionRate());
        f.repsSeeTeamPages = s.isRepsSeeTeamPages();
        return f;
    }

    /** 0.8000 as 80, not 80.0000 or 8E+1. */
    private static BigDecimal percent(BigDecimal fraction) {
        return new BigDecimal(fraction.multiply(HUNDRED).stripTrailingZeros().toPlainString());
    }

    /** Rules across fields, and values only Java can check; reported next to the field. */
    void validateTogether(Errors errors) {
        if (timeZone != null && !timeZone.isBlank()) {
            try {
                ZoneId.of(timeZone.trim());
            } catch (DateTimeException e) {
                errors.rejectValue("timeZone", "zone", "'" + timeZone + "' is not a time zone; use a name like Europe/Berlin or UTC.");
            }
        }
        if (currency != null && currency.matches("[A-Z]{3}")) {
            try {
                Currency.getInstance(currency);
            } catch (IllegalArgumentException e) {
                errors.rejectValue("currency", "currency", "'" + currency + "' is not an ISO 4217 currency code.");
            }
        }
        if (segmentSmallMax != null && segmentMediumMax != null && segmentMediumMax <= segmentSmallMax) {
            errors.rejectValue("segmentMediumMax", "order", "Must be larger than the small segment's upper bound ("
                    + segmentSmallMax + ").");
        }
        if (hardMinReplies != null && easyMaxReplies != null && hardMinReplies <= easyMaxReplies) {
            errors.rejectValue("hardMinReplies", "order", "Must be larger than the easy tier's replies (" + easyMaxReplies + ").");
        }
        if (hardMinMinutes != null && easyMaxMinutes != null && hardMinMinutes <= easyMaxMinutes) {
            errors.rejectValue("hardMinMinutes", "order", "Must be larger than the easy tier's minutes (" + easyMaxMinutes + ").");
        }
    }

    /** Writes the form into the settings and returns what changed, field by field, for the audit log. */
    Map<String, String> applyTo(Settings s) {
        SettingsForm before = of(s);
        s.setOrganisationName(organisationName.trim());
        s.setTimeZone(timeZone.trim());
        s.setCurrency(currency);
        s.setGrossMargin(grossMarginPercent.divide(HUNDRED));
        s.setMonthlyMarketingSpend(monthlyMarketingSpend);
        s.setSegmentSmallMax(segmentSmallMax);
        s.setSegmentMediumMax(segmentMediumMax);
        s.setHardMinReplies(hardMinReplies);
        s.setHardMinMinutes(hardMinMinutes);
        s.setEasyMaxReplies(easyMaxReplies);
        s.setEasyMaxMinutes(easyMaxMinutes);
        s.setCommissionRate(commissionPercent.divide(HUNDRED));
        s.setRepsSeeTeamPages(repsSeeTeamPages);
        return before.differences(of(s));
    }

    private Map<String, String> differences(SettingsForm after) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (var field : SettingsForm.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            try {
                Object a = field.get(this);
                Object b = field.get(after);
                boolean same = a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0 : Objects.equals(a, b);
                if (!same) {
                    changes.put(field.getName(), a + " -> " + b);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changes;
    }
}
