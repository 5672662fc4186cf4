package app.crux.review;

import app.crux.score.Strength;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One reviewer's rating of one evidence item; voting again replaces it. */
@Entity
@Table(name = "vote")
public class Vote extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "evidence_id") Long evidenceId, @Column(name = "reviewer_id") Long reviewerId)
            implements Serializable {
    }

    @EmbeddedId
    public Key id;

    @Enumerated(EnumType.STRING)
    public Strength strength;

    @Column(name = "disputes_stance")
    public boolean disputesStance;

    public String rationale;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();
}
