package app.crux.exchange;

import app.crux.TestAccounts;
import app.crux.TestApi;
import app.crux.account.Role;
import app.crux.document.importing.ImportRefused;
import app.crux.document.importing.PdfText;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static app.crux.TestAccounts.SESSION_COOKIE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PDF import with a PDF the test writes itself (PDFBox): three pages with a running header,
 * page numbers, a word hyphenated across a line break and a paragraph across a page break.
 * Uploaded through the import form, its passage then anchors exactly.
 */
@QuarkusTest
class PdfImportTest {

    static final String HEADER = "Journal of Invented Training Results";
    static final String PASSAGE = "The participants slept longer after evening sessions than after morning ones.";

    /** Lines per page, as a typesetter would break them; an empty string is a paragraph gap. */
    static byte[] studyPdf(String stamp) throws IOException {
        List<List<String>> pages = List.of(
                List.of("Evening training and sleep " + stamp, "", "We followed forty adults for twelve weeks. The partici-",
                        "pants slept longer after evening sessions than after morning ones.", "",
                        "Sleep was measured with wrist sensors every night."),
                List.of("Heart rate recovery improved in both groups, and the differ-", "ence between them was small."),
                List.of("Larger trials should test whether the effect lasts beyond the", "first months of training."));
        return pdf(pages, null);
    }

    static byte[] pdf(List<List<String>> pages, StandardProtectionPolicy protection) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    line(s, font, 9, 72, 800, HEADER);
                    float y = 740;
                    for (String text : pages.get(p)) {
                        if (text.isEmpty()) {
                            y -= 14; // a paragraph gap
                            continue;
                        }
                        line(s, font, 11, 72, y, text);
                        y -= 14;
                    }
                    line(s, font, 9, 290, 40, String.valueOf(p + 1));
                }
            }
            if (protection != null) {
                doc.protect(protection);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void line(PDPageContentStream s, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    @Test
    void paragraphsAreRebuiltAndRunningLinesDropped() throws IOException {
        var extracted = PdfText.extract(studyPdf("x"));
        String text = extracted.text();
        assertEquals(3, extracted.pages());
        assertTrue(text.contains(PASSAGE), text);
        assertTrue(text.contains("the difference between them was small."), text);
        assertTrue(text.contains("effect lasts beyond the first months"), text);
        assertFalse(text.contains(HEADER), "running header dropped: " + text);
        assertFalse(text.lines().anyMatch(l -> l.strip().matches("\\d+")), "page numbers dropped: " + text);
        assertTrue(text.contains("\n\nSleep was measured"), "paragraph break kept: " + text);
    }

    @Test
    void anUploadedPdfsPassageAnchorsExactly() throws IOException {
        String stamp = String.valueOf(System.nanoTime());
        String cookie = TestAccounts.login(TestAccounts.create("pdf-editor", Role.EDITOR));
        String csrf = given().cookie(SESSION_COOKIE, cookie).get("/documents/new").then().statusCode(200)
                .extract().cookie("crux-csrf");
        String location = given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf)
                .multiPart("csrf-token", csrf).multiPart("kind", "STUDY")
                .multiPart("file", "study.pdf", studyPdf(stamp), "application/pdf")
                .post("/documents").then().statusCode(303).extract().header("Location");
        String slug = location.replaceAll(".*/documents/", "").replaceAll("[?#].*", "");
        long id = given().queryParam("q", "Evening training and sleep " + stamp).get("/api/documents").then().statusCode(200)
                .extract().jsonPath().getLong("find { it.slug == '" + slug + "' }.id");

        var claim = TestApi.createClaim("Evening sessions lengthen sleep " + stamp, id, PASSAGE).then().statusCode(201)
                .extract().jsonPath();
        var doc = given().get("/api/documents/" + id).then().statusCode(200).extract().jsonPath();
        String body = doc.getString("text");
        int start = doc.getInt("excerpts[0].start");
        int end = doc.getInt("excerpts[0].end");
        assertEquals(PASSAGE, body.substring(start, end));
        assertEquals(PASSAGE, doc.getString("excerpts[0].exact"));
        assertTrue(claim.getLong("id") > 0);
    }

    @Test
    void encryptedAndImageOnlyPdfsAreRefusedWithTheReason() throws IOException {
        var policy = new StandardProtectionPolicy("owner-secret", "reader-secret", new AccessPermission());
        byte[] locked = pdf(List.of(List.of("Secret words that nobody may read here at all.")), policy);
        var encrypted = assertThrows(ImportRefused.class, () -> PdfText.extract(locked));
        assertTrue(encrypted.getMessage().contains("encrypted"), encrypted.getMessage());

        byte[] blank = pdf(List.of(List.of(), List.of()), null); // only the header and page numbers: no text of its own
        var imageOnly = assertThrows(ImportRefused.class, () -> PdfText.extract(blank));
        assertTrue(imageOnly.getMessage().contains("no text layer"), imageOnly.getMessage());

        String cookie = TestAccounts.login(TestAccounts.create("pdf-editor", Role.EDITOR));
        String csrf = given().cookie(SESSION_COOKIE, cookie).get("/documents/new").then().statusCode(200)
                .extract().cookie("crux-csrf");
        given().redirects().follow(false).cookie(SESSION_COOKIE, cookie).cookie("crux-csrf", csrf)
                .multiPart("csrf-token", csrf).multiPart("kind", "STUDY")
                .multiPart("file", "locked.pdf", locked, "application/pdf")
                .post("/documents").then().statusCode(400).body(containsString("encrypted"));
    }
}
