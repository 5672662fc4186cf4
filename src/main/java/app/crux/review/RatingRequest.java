package app.crux.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** An editor asked a reviewer to rate a claim's evidence; asking again changes nothing. */
@Entity
@Table(name = "rating_request")
public class RatingRequest extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "claim_id") Long claimId, @Column(name = "reviewer_id") Long reviewerId)
            implements Serializable {
    }

    @EmbeddedId
    public Key id;

    @Column(name = "requested_by")
    public Long requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt = Instant.now();
}
