package app.crux.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One message in an evidence item's discussion: plain text, shown escaped, never edited. */
@Entity
@Table(name = "discussion_post")
public class DiscussionPost extends PanacheEntityBase {

    public static final int MAX_BODY = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "evidence_id")
    public Long evidenceId;

    @Column(name = "author_id")
    public Long authorId;

    public String body;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
}
