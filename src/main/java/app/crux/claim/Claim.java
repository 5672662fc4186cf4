package app.crux.claim;

import app.crux.Like;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import org.hibernate.annotations.BatchSize;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A short canonical statement in the curators' words, which documents support or contradict. */
@Entity
@Table(name = "claim")
public class Claim extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    public String statement;

    @Enumerated(EnumType.STRING)
    public ClaimStatus status = ClaimStatus.PUBLISHED;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "merged_into_id")
    public Claim mergedInto;

    /** Optimistic locking: a save based on an older version is refused. */
    @Version
    public int version;

    // one query for the tags of a whole page of claims (lists show up to 50), not one per 16 (Hibernate's default batch)
    @BatchSize(size = 50)
    @ManyToMany
    @JoinTable(name = "claim_tag", joinColumns = @JoinColumn(name = "claim_id"), inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderBy("name")
    public List<Tag> tags = new ArrayList<>();

    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    /**
     * Slugs and ids are unique, so these ask for the single result: a row limit on a collection fetch join
     * would make Hibernate read every row and cut in memory (HHH90003004).
     */
    public static Optional<Claim> findBySlug(String slug) {
        return find("from Claim c left join fetch c.tags where c.slug = ?1", slug).singleResultOptional();
    }

    public static Optional<Claim> findWithTags(long id) {
        return find("from Claim c left join fetch c.tags where c.id = ?1", id).singleResultOptional();
    }

    public static boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }

    /** Newest first among {@code statuses}, optionally only those whose statement contains {@code filter}. */
    public static List<Claim> listMatching(String filter, List<ClaimStatus> statuses, int page, int size) {
        if (filter == null || filter.isBlank()) {
            return find("status in ?1 order by createdAt desc, id desc", statuses).page(page, size).list();
        }
        return find("status in ?1 and lower(statement) like ?2 escape '\\' order by createdAt desc, id desc", statuses, like(filter))
                .page(page, size).list();
    }

    public static long countMatching(String filter, List<ClaimStatus> statuses) {
        return filter == null || filter.isBlank() ? count("status in ?1", statuses)
                : count("status in ?1 and lower(statement) like ?2 escape '\\'", statuses, like(filter));
    }

    private static String like(String filter) {
        return Like.containing(filter);
    }

    public boolean open() {
        return status.isOpen();
    }

    /**
     * The visibility rule. Someone who does not see unpublished claims sees a published one,
     * and a merged one only as the way to its target, when they could see that.
     */
    public boolean visibleTo(boolean seesUnpublished) {
        return visible(status, mergedInto == null ? null : mergedInto.status, seesUnpublished);
    }

    /** {@link #visibleTo} for a claim read as columns: its status and, when merged, its target's (or null). */
    public static boolean visible(ClaimStatus status, ClaimStatus targetStatus, boolean seesUnpublished) {
        if (seesUnpublished || status.isPublic()) {
            return true;
        }
        return status == ClaimStatus.MERGED && targetStatus != null && targetStatus.isPublic();
    }

    public List<String> tagNames() {
        return tags.stream().map(t -> t.name).toList();
    }
}
