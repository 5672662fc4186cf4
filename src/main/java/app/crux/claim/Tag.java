package app.crux.claim;

import app.crux.web.Slug;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Optional;

/** A topic ("hamstrings", "warm-up") that groups claims. */
@Entity
@Table(name = "tag")
public class Tag extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    public String name;

    public static Optional<Tag> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Topics with at least one published claim, by name: the filters readers are offered (a draft's tags stay unseen). */
    public static List<Tag> withPublishedClaims() {
        // a semi-join stops at each tag's first published claim; a distinct over every claim's tags grew with the data
        return find("from Tag t where exists (select 1 from Claim c join c.tags ct where ct = t and c.status = ?1) order by t.name",
                ClaimStatus.PUBLISHED).list();
    }

    /** One choice of a topic filter, the chosen one marked, so a template compares nothing per option. */
    public record Option(String slug, String name, boolean selected) {
    }

    /** The tag called {@code name}, created on first use. */
    public static Tag named(String name) {
        String clean = clean(name);
        String slug = Slug.from(clean);
        Optional<Tag> existing = findBySlug(slug);
        if (existing.isPresent()) {
            return existing.get();
        }
        Tag tag = new Tag();
        tag.slug = slug;
        tag.name = clean;
        tag.persist();
        return tag;
    }

    /** The slug {@link #named} files {@code name} under, without touching the database. */
    public static String slugOf(String name) {
        return Slug.from(clean(name));
    }

    private static String clean(String name) {
        String clean = name.strip();
        return clean.length() > 60 ? clean.substring(0, 60).strip() : clean;
    }
}
