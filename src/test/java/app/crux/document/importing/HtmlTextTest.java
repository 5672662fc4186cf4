package app.crux.document.importing;

import app.crux.document.anchoring.TextNormalizer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlTextTest {

    private static HtmlText.Extracted extract(String html) {
        return HtmlText.fromHtml(html, "https://example.org/posture/");
    }

    @Test
    void pageChromeScriptsAndStylesAreDropped() {
        var page = extract("<html><head><title>Desk posture</title><style>body{color:red}</style>"
                + "<script>track('visit')</script></head><body><nav><a href='/'>Home</a> | Blog</nav>"
                + "<header>Site banner</header><div role='navigation'>Menu</div>"
                + "<p>Set the screen at eye height.</p><noscript>Enable scripts</noscript>"
                + "<aside>Related reading</aside><form><input name=q><button>Search</button></form>"
                + "<footer>Copyright notice</footer></body></html>");
        assertEquals("Set the screen at eye height.", page.text());
    }

    @Test
    void theArticleIsPreferredOverTheRestOfThePage() {
        var page = extract("<body><div>Sign up for our newsletter</div><article><h1>Why warm up</h1>"
                + "<p>Cold muscles feel stiff.</p><p>Five minutes of easy jogging helps.</p></article>"
                + "<div>Comments (3)</div></body>");
        assertEquals("Why warm up\n\nCold muscles feel stiff.\n\nFive minutes of easy jogging helps.", page.text());
    }

    @Test
    void mainIsUsedWhenThereIsNoArticle() {
        var page = extract("<body><div>Cookie notice</div><main><p>Keep the knees soft.</p></main></body>");
        assertEquals("Keep the knees soft.", page.text());
    }

    @Test
    void listItemsAreBulletedAndHeadingsAreParagraphs() {
        var page = extract("<body><h2>Hamstring routine</h2><ul><li>Lie on your back</li>"
                + "<li><p>Raise one leg</p></li><li>Hold, then <em>slowly</em> lower</li></ul><p>Repeat twice.</p></body>");
        assertEquals("Hamstring routine\n\n• Lie on your back\n• Raise one leg\n• Hold, then slowly lower\n\nRepeat twice.",
                page.text());
    }

    @Test
    void nestedListsStayOneBlockOfLines() {
        var page = extract("<ol><li>Warm up<ul><li>march in place</li><li>arm circles</li></ul></li><li>Stretch</li></ol>");
        assertEquals("• Warm up\n• march in place\n• arm circles\n• Stretch", page.text());
    }

    @Test
    void lineBreaksAndTablesKeepTheirShape() {
        var page = extract("<body><p>Line one<br>Line two</p><table><tr><th>Stretch</th><th>Time</th></tr>"
                + "<tr><td>Calf</td><td>30 s</td></tr></table><pre>  knee\n    ankle</pre></body>");
        assertEquals("Line one\nLine two\n\nStretch Time\nCalf 30 s\n\n  knee\n    ankle", page.text());
    }

    @Test
    void titleComesFromTheTitleElementThenOgTitleThenH1() {
        assertEquals("Neck stretches", extract("<title> Neck\n stretches </title><h1>Other</h1><p>x</p>").title());
        assertEquals("Og name", extract("<head><meta property='og:title' content='Og name'></head><h1>H</h1>").title());
        assertEquals("First heading", extract("<body><h1>First heading</h1><p>Text</p></body>").title());
        assertNull(extract("<p>No heading at all</p>").title());
    }

    @Test
    void entitiesAreDecoded() {
        var page = extract("<p>Hips &amp; knees &lt;3 &mdash; rest&nbsp;days &eacute;tirement</p>");
        assertEquals("Hips & knees <3 — rest days étirement", page.text());
    }

    @Test
    void hiddenElementsAreDropped() {
        var page = extract("<body><p>Visible advice.</p><p hidden>Hidden one</p><div aria-hidden='true'>Icon text</div>"
                + "<p style='display: none'>Invisible</p><template><p>Later</p></template></body>");
        assertEquals("Visible advice.", page.text());
    }

    @Test
    void hostileMarkupLeavesOnlyText() {
        var page = extract("<body><p>Before <img src=x onerror=alert(1)><a href='javascript:alert(2)'>tap here</a>"
                + "<svg onload=alert(3)><text>svg words</text></svg><iframe src='https://evil.example'>frame</iframe>"
                + " after</p></body>");
        assertEquals("Before tap here after", page.text());
        assertFalse(page.text().contains("<"));
        assertFalse(page.text().contains("javascript"));
        assertFalse(page.text().contains("alert"));
    }

    @Test
    void escapedMarkupStaysLiteralText() {
        var page = extract("<p>Type &lt;script&gt; to see nothing happen</p>");
        assertEquals("Type <script> to see nothing happen", page.text());
    }

    @Test
    void textIsNormalised() {
        var page = extract("<p>Re\u0301sume\u0301 of   the\n\n  routine   </p>\n\n\n<div>\n\n</div><p>Next</p>");
        assertEquals("Résumé of the routine\n\nNext", page.text());
        assertEquals(page.text(), TextNormalizer.normalize(page.text()));
        assertTrue(extract("").text().isEmpty());
    }
}
