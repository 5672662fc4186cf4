package app.crux.exchange;

import app.crux.review.BlindRating;
import app.crux.web.BadInput;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Atom (RFC 4287) feeds of newly contested claims, overall and per topic, and of the claims a
 * search finds; linked from those pages with {@code <link rel="alternate">}. Published claims
 * only, whoever asks; a summary's weights only where the blind-rating rule lets the viewer see them.
 */
@Path("/")
public class AtomFeedPages {

    static final String ATOM = "application/atom+xml;charset=UTF-8";
    static final int ENTRIES = 50;
    private static final String NS = "http://www.w3.org/2005/Atom";

    @Inject
    ExchangeRows rows;

    @Inject
    BlindRating blind;

    @Context
    UriInfo uri;

    @GET
    @Path("contested.atom")
    @PermitAll
    @Produces(ATOM)
    public String contested() {
        return feed("/contested.atom", "/contested", "Newly contested claims · Crux", rows.newlyContested(null, ENTRIES));
    }

    @GET
    @Path("search.atom")
    @PermitAll
    @Produces(ATOM)
    public String search(@QueryParam("q") String q) {
        String query = q == null ? "" : q.strip();
        if (query.length() > 200) {
            throw new BadInput("q: at most 200 characters.");
        }
        String encoded = FeedLinks.urlEncode(query);
        return feed("/search.atom?q=" + encoded, "/search?q=" + encoded, "Claims matching “" + query + "” · Crux",
                query.isEmpty() ? List.of() : rows.matching(query, ENTRIES));
    }

    String feed(String self, String alternate, String title, List<ExchangeRows.ClaimRow> claims) {
        String base = uri.getBaseUri().toString().replaceAll("/+$", "");
        Instant updated = claims.stream().map(ExchangeRows.ClaimRow::lastActivity).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(NS);
            text(x, "id", base + self);
            text(x, "title", title);
            text(x, "updated", updated.toString());
            link(x, "self", base + self, "application/atom+xml");
            link(x, "alternate", base + alternate, "text/html");
            x.writeStartElement("author");
            text(x, "name", "Crux");
            x.writeEndElement();
            for (var claim : claims) {
                String url = base + "/claims/" + claim.slug();
                x.writeStartElement("entry");
                text(x, "id", url);
                text(x, "title", claim.statement());
                text(x, "updated", claim.lastActivity().toString());
                text(x, "published", claim.created().toString());
                link(x, "alternate", url, "text/html");
                if (claim.tags() != null) {
                    for (String tag : claim.tags().split(" ")) {
                        x.writeEmptyElement("category");
                        x.writeAttribute("term", tag);
                    }
                }
                text(x, "summary", blind.maySeeClaim(claim.id())
                        ? claim.verdict().charAt(0) + claim.verdict().substring(1).toLowerCase(Locale.ROOT) + ": supporting weight "
                                + claim.supportWeight() + " (" + claim.supportCount() + " passages), conflicting weight "
                                + claim.conflictWeight() + " (" + claim.conflictCount() + " passages)."
                        : "Rate every passage of this claim to see how the sides weigh.");
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "")); // not allowed in XML
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
    }
}
