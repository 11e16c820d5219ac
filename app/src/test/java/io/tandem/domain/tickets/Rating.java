package io.tandem.domain.tickets;

import io.tandem.domain.reps.Rep;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** The customer's rating of one ticket; at most one per ticket. */
@Entity
@Table(name = "ratings")
public class Rating {

    @Id
    private Long ticketId;
    @MapsId
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;
    private RatingValue rating;
    private Instant ratedAt;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "rep_id")
    private Rep rep;
    private String comment;

    protected Rating() {
    }

    public Rating(Ticket ticket, RatingValue rating) {
        this.ticket = ticket;
        this.rating = rating;
    }

    public Long getTicketId() { return ticketId; }
    public Ticket getTicket() { return ticket; }
    public RatingValue getRating() { return rating; }
    public Instant getRatedAt() { return ratedAt; }
    public void setRatedAt(Instant ratedAt) { this.ratedAt = ratedAt; }
    public Rep getRep() { return rep; }
    public void setRep(Rep rep) { this.rep = rep; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
}
