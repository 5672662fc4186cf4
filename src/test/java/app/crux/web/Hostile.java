package app.crux.web;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One hostile value, as it goes on the wire in each place it can be put: a URL part
 * (path segment, query or urlencoded form value: the same percent-encoding), a cookie,
 * a JSON value, or a multipart part. Some values are bytes no well-behaved client sends
 * (raw invalid UTF-8, broken percent-escapes), so each form is kept as bytes.
 */
record Hostile(String label, byte[] url, byte[] cookie, byte[] json, byte[] part, boolean huge) {

    private static final int KB = 1024;

    /** The catalogue, in a fixed order (the test samples from it with a fixed seed). */
    static List<Hostile> catalogue() {
        List<Hostile> all = new ArrayList<>();
        // size
        all.add(text("empty", ""));
        all.add(text("blank", "   "));
        all.add(text("100 KB", "a".repeat(100 * KB)));
        all.add(bodyOnly(text("2 MB", "b".repeat(2 * KB * KB))));
        // control and invisible characters
        all.add(text("NUL", "\u0000"));
        all.add(text("NUL inside", "fuzz\u0000text"));
        all.add(text("CR LF header", "x\r\nSet-Cookie: evil=1"));
        all.add(text("C0 controls", "\u0001\u0007\u001b[31m\u007f"));
        all.add(text("right-to-left override", "\u202Egnp.exe"));
        all.add(text("BOM and zero-width", "\uFEFF\u200B\u2060"));
        all.add(text("emoji", "\uD83D\uDCA5 test"));
        // invalid UTF-8: raw bytes and percent-encoded sequences
        all.add(bytes("raw C3 28", new byte[] {(byte) 0xC3, 0x28}));
        all.add(bytes("raw FF FE", new byte[] {(byte) 0xFF, (byte) 0xFE, 0x41}));
        all.add(bytes("raw overlong slash", new byte[] {(byte) 0xC0, (byte) 0xAF}));
        all.add(wire("%C3%28", "%C3%28"));
        all.add(wire("%FF", "%FF"));
        all.add(wire("%00", "%00"));
        // bad percent-encoding
        all.add(wire("lone %", "%"));
        all.add(wire("%zz", "%zz"));
        all.add(wire("%u0041", "%u0041"));
        all.add(wire("trailing %4", "abc%4"));
        // numbers that do not fit
        all.add(text("20 digits", "99999999999999999999"));
        all.add(text("long underflow", "-9223372036854775809"));
        all.add(text("int overflow", "2147483648"));
        all.add(text("minus one", "-1"));
        all.add(text("1e309", "1e309"));
        all.add(text("NaN", "NaN"));
        all.add(text("Infinity", "-Infinity"));
        all.add(text("hex", "0x10"));
        // script and template text
        all.add(text("script tag", "<script>alert(1)</script>"));
        all.add(text("attribute break", "\"><img src=x onerror=alert(1)>"));
        all.add(text("javascript url", "javascript:alert(1)"));
        all.add(text("template", "{{7*7}}${7*7}{#if true}x{/if}"));
        // SQL-ish text
        all.add(text("sql quote", "' OR 1=1 --"));
        all.add(text("sql drop", "x'); DROP TABLE vote; --"));
        all.add(text("like wildcards", "%_\\"));
        // path tricks
        all.add(wire("dot-dot slash", "../../etc/passwd"));
        all.add(wire("%2e%2e", "%2e%2e"));
        all.add(wire("%2e%2e%2f", "%2e%2e%2f%2e%2e%2f"));
        all.add(text("backslash host", "/\\evil.example"));
        all.add(text("scheme-relative", "//evil.example"));
        all.add(wire("encoded slash", "a%2Fb"));
        // JSON of the wrong shape (in a URL or form they are just text)
        all.add(json("nothing", ""));
        all.add(json("null", "null"));
        all.add(json("true", "true"));
        all.add(json("number 1e309", "1e309"));
        all.add(json("number 20 digits", "99999999999999999999"));
        all.add(json("number -1", "-1"));
        all.add(json("empty array", "[]"));
        all.add(json("object", "{\"a\":{\"b\":1}}"));
        all.add(json("array of null", "[null]"));
        all.add(json("deep arrays", "[".repeat(3000) + "]".repeat(3000)));
        all.add(json("deep objects", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)));
        all.add(bodyOnly(json("huge array", "[" + "1,".repeat(200_000) + "1]")));
        all.add(json("string array", "[\"<script>\",\"\\u0000\",\"" + "c".repeat(5000) + "\"]"));
        return List.copyOf(all);
    }

    /** A value that is too big for a URL (it would only ever hit the line-length limit) and goes in bodies only. */
    private static Hostile bodyOnly(Hostile h) {
        return new Hostile(h.label, h.url, h.cookie, h.json, h.part, true);
    }

    /** Ordinary text, correctly encoded for each place. */
    static Hostile text(String label, String text) {
        byte[] url = urlEncode(text);
        boolean cookieSafe = text.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';' && c != ',' && c != '"' && c != '\\');
        return new Hostile(label, url, cookieSafe ? utf8(text) : url, utf8(jsonString(text)), utf8(text), false);
    }

    /** Exactly these characters in URLs and cookies (e.g. a broken escape); the same characters as a JSON string. */
    static Hostile wire(String label, String wire) {
        return new Hostile(label, utf8(wire), utf8(wire), utf8(jsonString(wire)), utf8(wire), false);
    }

    /** Raw bytes everywhere, also inside the JSON string's quotes. */
    static Hostile bytes(String label, byte[] raw) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        json.write('"');
        json.writeBytes(raw);
        json.write('"');
        return new Hostile(label, raw, raw, json.toByteArray(), raw, false);
    }

    /** A JSON value of any type, as is; in URLs, cookies and forms its text. */
    static Hostile json(String label, String json) {
        byte[] url = urlEncode(json);
        return new Hostile(label, url, url, utf8(json), utf8(json), false);
    }

    /** The text value for a path segment: like a query value, but a space is %20 there, not '+'. */
    byte[] pathSegment() {
        return new String(url, StandardCharsets.ISO_8859_1).replace("+", "%20").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The value as a server decodes it, when it is well-formed UTF-8 percent-encoding; null otherwise. */
    String decodedCookie() {
        try {
            return java.net.URLDecoder.decode(new String(cookie, StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    int length() {
        return part.length;
    }

    @Override
    public String toString() {
        return label;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] urlEncode(String s) {
        return utf8(URLEncoder.encode(s, StandardCharsets.UTF_8));
    }

    static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
