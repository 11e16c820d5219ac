package io.tandem.domain.reps;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "reps")
public class Rep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String externalId;
    private String name;
    private String email;
    private String team;
    private RepRole role;
    private BigDecimal annualCost;
    private boolean highTouch;
    private boolean active = true;

    protected Rep() {
    }

    public Rep(String externalId, String name, String team, RepRole role) {
        this.externalId = externalId;
        this.name = name;
        this.team = team;
        this.role = role;
    }

    public Long getId() { return id; }
    public String getExternalId() { return externalId; }
    public String getName() { return name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getTeam() { return team; }
    public RepRole getRole() { return role; }
    public BigDecimal getAnnualCost() { return annualCost; }
    public void setAnnualCost(BigDecimal annualCost) { this.annualCost = annualCost; }
    public boolean isHighTouch() { return highTouch; }
    public void setHighTouch(boolean highTouch) { this.highTouch = highTouch; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
}
