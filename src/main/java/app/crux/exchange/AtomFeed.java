package app.crux.exchange;

import app.crux.claim.ClaimPaths;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.LongPredicate;

/**
 * Writes one Atom (RFC 4287) feed of claims. Shared by the feed resources, which differ only in
 * which claims they list; a plain class, so no resource depends on another (ArchitectureTest).
 */
final class AtomFeed {

    private static final String NS = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    static String write(String base, String self, String alternate, String title, List<ExchangeRows.ClaimRow> claims,
            LongPredicate maySeeWeights) {
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
                String url = base + ClaimPaths.of(claim.slug());
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
                text(x, "summary", maySeeWeights.test(claim.id())
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
