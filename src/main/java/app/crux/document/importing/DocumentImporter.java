package app.crux.document.importing;

import app.crux.web.Enums;
import app.crux.document.DocumentApi;
import app.crux.document.DocumentService;
import app.crux.document.DocumentUrls;
import app.crux.document.Kind;
import app.crux.web.BadInput;
import jakarta.enterprise.context.ApplicationScoped;
import app.crux.CruxConfig;
import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Turns what an editor sent — pasted text, an uploaded file, a web address, or
 * JSON — into normalised text and metadata for {@link DocumentService}. Refusals
 * ({@link ImportRefused}) say exactly what was wrong; nothing is stored.
 */
@ApplicationScoped
public class DocumentImporter {

    /** Uploaded and fetched documents: more than enough for any article, far below the request limit. */
    static final long MAX_BYTES = 5L * 1024 * 1024;

    @Inject
    CruxConfig config;

    /** One fetcher for every URL import (it keeps no per-request state; its TLS setup and session cache are shared). */
    private volatile UrlFetcher fetcher;

    public DocumentService.NewDocument fromForm(ImportForm form, FileUpload file) {
        Imported imported;
        boolean hasFile = file != null && file.size() > 0;
        if (hasFile) {
            imported = fromFile(file);
        } else if (form.fetchUrl() != null && !form.fetchUrl().isBlank()) {
            // a page Crux already has is not fetched again; the address it redirects to is checked on saving
            DocumentUrls.refuseKnown(form.fetchUrl().strip(), null);
            imported = fromUrl(form.fetchUrl().strip());
        } else if (form.text() != null && !form.text().isBlank()) {
            var decoded = UploadedText.fromPastedText(form.text());
            imported = new Imported(decoded.title(), decoded.text(), null);
        } else if (form.citationOnly()) {
            imported = new Imported(null, null, null);
        } else {
            throw new BadInput("Give the text: paste it, upload a file, or enter a web address — or tick “citation-only source”.");
        }
        String title = blankToNull(form.title()) != null ? form.title() : imported.title();
        if (title == null || title.isBlank()) {
            throw new BadInput("Give the source a title.");
        }
        String url = blankToNull(form.url()) != null ? form.url() : imported.url();
        return new DocumentService.NewDocument(title, url, form.author(), form.publisher(), date(form.publishedOn()),
                kind(form.kind()), imported.text());
    }

    public DocumentService.NewDocument fromApi(DocumentApi.NewDocumentRequest r) {
        Imported imported;
        if (r.html() != null && !r.html().isBlank()) {
            var extracted = HtmlText.fromHtml(r.html(), r.url() == null ? "" : r.url());
            imported = new Imported(extracted.title(), extracted.text(), null);
            if (imported.text() == null || imported.text().isBlank()) {
                throw new ImportRefused(ImportRefused.Reason.EMPTY, "The HTML has no readable text.");
            }
        } else if (r.text() != null) {
            var decoded = UploadedText.fromPastedText(r.text());
            imported = new Imported(decoded.title(), decoded.text(), null);
        } else {
            imported = new Imported(null, null, null);
        }
        String title = blankToNull(r.title()) != null ? r.title() : imported.title();
        if (title == null || title.isBlank()) {
            throw new BadInput("title is missing.");
        }
        return new DocumentService.NewDocument(title, r.url(), r.author(), r.publisher(), r.publishedOn(), kind(r.kind()),
                imported.text());
    }

    /** Revised text from the form or API, normalised exactly as at import. */
    public String fromApiRevision(String text, String html) {
        if (html != null && !html.isBlank()) {
            return HtmlText.fromHtml(html, "").text();
        }
        return normalizePasted(text);
    }

    public String normalizePasted(String text) {
        return UploadedText.fromPastedText(text == null ? "" : text).text();
    }

    private Imported fromFile(FileUpload file) {
        if (file.size() > MAX_BYTES) {
            throw new ImportRefused(ImportRefused.Reason.TOO_LARGE,
                    "The file is " + file.size() / 1024 + " KB; files up to " + MAX_BYTES / 1024 / 1024 + " MB are accepted.");
        }
        try {
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            if (PdfText.isPdf(bytes)) {
                var pdf = PdfText.extract(bytes);
                return new Imported(pdf.title(), pdf.text(), null);
            }
            var decoded = UploadedText.decode(bytes, file.fileName(), MAX_BYTES);
            return new Imported(decoded.title(), decoded.text(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Imported fromUrl(String address) {
        var fetched = fetcher().fetch(address);
        return new Imported(fetched.title(), fetched.text(), fetched.finalUrl());
    }

    private UrlFetcher fetcher() {
        UrlFetcher f = fetcher;
        if (f == null) {
            // built on first use rather than at start, so configuration is read the same way as everywhere else
            f = new UrlFetcher(config.importing().fetchTimeout(), MAX_BYTES, config.importing().allowLoopback());
            fetcher = f;
        }
        return f;
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadInput("Publication date: use the form 2024-05-31.");
        }
    }

    private static Kind kind(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Enums.parseOr400(Kind.class, value.strip().toUpperCase(Locale.ROOT),
                "Unknown kind '" + value + "'; use ARTICLE, STUDY, REVIEW, GUIDELINE, TRANSCRIPT or OTHER.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private record Imported(String title, String text, String url) {
    }
}
