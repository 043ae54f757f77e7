package dev.calque.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * The character set of a web page or feed, found as a browser finds it: a byte-order mark, then the
 * charset of the HTTP Content-Type, then the page's own {@code <meta charset>} or
 * {@code <meta http-equiv>} (looked for in the first 1,024 bytes, as the HTML prescan does, and then
 * in the rest of the head, as a browser does when it meets one late), then statistical detection.
 * Two departures: bytes that are valid UTF-8 and hold multi-byte sequences are read as UTF-8 whatever
 * a header or {@code <meta>} claims, since such text decoded as Windows-1252 is always mojibake; and a
 * header or {@code <meta>} that says UTF-8 over bytes that are not UTF-8 is passed over for detection.
 * Labels are read as the WHATWG Encoding standard reads them (ISO-8859-1 and ASCII mean Windows-1252).
 * UTF-16 without a byte-order mark is recognised by its zero bytes before anything else, as browsers
 * and XML parsers recognise it ({@code <} is {@code 3C 00} or {@code 00 3C}).
 */
public final class Charsets {
    private static final Pattern META = Pattern.compile(
            "(?is)<meta\\s[^>]*?(?:charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)|http-equiv\\s*=\\s*[\"']?content-type[^>]*?content\\s*=\\s*[\"'][^\"'>]*?charset\\s*=\\s*([\\w.:-]+))");
    private static final Pattern META_REVERSED = Pattern.compile(
            "(?is)<meta\\s[^>]*?content\\s*=\\s*[\"'][^\"'>]*?charset\\s*=\\s*([\\w.:-]+)[^>]*?http-equiv\\s*=\\s*[\"']?content-type");
    private static final Pattern XML_DECL = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([\\w.:-]+)[\"']");
    private static final Pattern HTTP_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");

    private Charsets() {
    }

    /** Where the character set came from, for tests and for {@code --verbose}. */
    enum Source { BOM, UTF8, HTTP, META, DECLARATION, DETECTED }

    record Found(Charset charset, Source source, int skip) {
    }

    /** Decodes a web page: see the class comment for the order. */
    static String decodeHtml(byte[] b, String contentType) {
        Found f = forHtml(b, contentType);
        return new String(b, f.skip(), b.length - f.skip(), f.charset());
    }

    static Found forHtml(byte[] b, String contentType) {
        Found bom = bomOrUtf16(b); // before UTF-8: UTF-16 without a BOM is valid UTF-8 full of NULs
        if (bom != null) return bom;
        if (isMultibyteUtf8(b)) return new Found(StandardCharsets.UTF_8, Source.UTF8, 0);
        // past this point the bytes are not multi-byte UTF-8: a header or <meta> that says UTF-8 over bytes
        // that are not ASCII is wrong (a Windows-1252 page behind a UTF-8 template), and detection decides,
        // as for a feed's declaration, instead of a page of U+FFFD
        boolean ascii = isAscii(b);
        Charset http = label(httpCharset(contentType));
        if (http != null && (ascii || !http.equals(StandardCharsets.UTF_8))) return new Found(http, Source.HTTP, 0);
        Charset meta = http != null ? null : metaCharset(b, 1024);
        if (meta == null && http == null) meta = metaCharset(b, headEnd(b));
        if (meta != null && (ascii || !meta.equals(StandardCharsets.UTF_8))) return new Found(meta, Source.META, 0);
        return new Found(detect(b), Source.DETECTED, 0);
    }

    private static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) return false;
        }
        return true;
    }

    /**
     * Decodes an XML document (a feed): BOM, then the XML declaration's encoding, then the HTTP
     * header; with none of them, UTF-8 when the bytes are UTF-8, else statistical detection (feeds in
     * Big5, Shift-JIS or KOI8-R that never say so).
     */
    static Found forXml(byte[] b, String contentType) {
        Found bom = bomOrUtf16(b);
        if (bom != null) return bom;
        String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher decl = XML_DECL.matcher(head);
        if (decl.find()) {
            Charset declared = label(decl.group(1));
            if (declared != null) {
                if (isMultibyteUtf8(b)) return new Found(StandardCharsets.UTF_8, Source.UTF8, 0);
                // a declaration of UTF-8 over bytes that are not UTF-8 is wrong: detection decides
                if (!declared.equals(StandardCharsets.UTF_8) || isUtf8(b)) return new Found(declared, Source.DECLARATION, 0);
            }
        }
        if (isUtf8(b)) return new Found(StandardCharsets.UTF_8, Source.UTF8, 0);
        Charset http = label(httpCharset(contentType));
        if (http != null) return new Found(http, Source.HTTP, 0);
        return new Found(detect(b), Source.DETECTED, 0);
    }

    /**
     * UTF-16 without a byte-order mark: in Latin-script text nearly every other byte is zero. Such
     * text is also valid UTF-8 (full of NULs), so it must be recognized before UTF-8 is tried.
     */
    static Charset utf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, 4096) & ~1;
        if (n < 4) return null;
        int evenZero = 0;
        int oddZero = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) evenZero++;
            if (b[i + 1] == 0) oddZero++;
        }
        int pairs = n / 2;
        if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return StandardCharsets.UTF_16LE;
        if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) return StandardCharsets.UTF_16BE;
        return null;
    }

    /** A byte-order mark, else UTF-16 recognised by its zero bytes: the one way markup in UTF-16 is found. */
    static Found bomOrUtf16(byte[] b) {
        Found bom = bom(b);
        if (bom != null) return bom;
        Charset utf16 = utf16WithoutBom(b);
        return utf16 == null ? null : new Found(utf16, Source.DETECTED, 0);
    }

    /**
     * UTF-32 named by its byte-order mark (00 00 FE FF, FF FE 00 00), or null. No web page or news system
     * writes it (WHATWG leaves it out), but an exported text may carry it, and unlike UTF-16 its BOM cannot
     * be read as anything else: FF FE 00 00 as UTF-16 would open with a NUL.
     */
    static Charset utf32Bom(byte[] b) {
        if (b.length < 4) return null;
        if (b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) return Charset.forName("UTF-32BE");
        if ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) return Charset.forName("UTF-32LE");
        return null;
    }

    private static Found bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return new Found(StandardCharsets.UTF_8, Source.BOM, 3);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) return new Found(StandardCharsets.UTF_16BE, Source.BOM, 2);
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) return new Found(StandardCharsets.UTF_16LE, Source.BOM, 2);
        return null;
    }

    static String httpCharset(String contentType) {
        if (contentType == null) return null;
        Matcher m = HTTP_CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    private static Charset metaCharset(byte[] b, int upTo) {
        String head = new String(b, 0, Math.min(b.length, upTo), StandardCharsets.ISO_8859_1);
        head = head.replaceAll("(?s)<!--.*?-->", "");
        Matcher m = META.matcher(head);
        while (m.find()) {
            Charset cs = html5Meta(label(m.group(1) != null ? m.group(1) : m.group(2)));
            if (cs != null) return cs;
        }
        Matcher r = META_REVERSED.matcher(head);
        while (r.find()) {
            Charset cs = html5Meta(label(r.group(1)));
            if (cs != null) return cs;
        }
        return null;
    }

    /**
     * A {@code <meta>} cannot declare UTF-16 (the bytes that say so are ASCII): browsers read UTF-8. One
     * that names a charset no browser has (UTF-32, UTF-7, EBCDIC: Java decodes them, and a page of ASCII
     * declaring {@code utf-32} came out as no text at all) is passed over, as browsers pass over a label
     * the Encoding standard does not know; null then.
     */
    private static Charset html5Meta(Charset cs) {
        if (cs == null) return null;
        if (cs.name().startsWith("UTF-16")) return StandardCharsets.UTF_8;
        return WHATWG.contains(cs.name().toLowerCase(Locale.ROOT)) ? cs : null;
    }

    /** The encodings of the WHATWG Encoding standard, by Java's names (UTF-16 apart, which a meta cannot declare). */
    private static final java.util.Set<String> WHATWG = java.util.Set.of("utf-8", "ibm866", "iso-8859-2", "iso-8859-3",
            "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-8", "iso-8859-10", "iso-8859-13", "iso-8859-14",
            "iso-8859-15", "iso-8859-16", "koi8-r", "koi8-u", "x-maccyrillic", "macintosh", "x-macroman", "windows-874", "x-windows-874",
            "x-ibm874", "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254", "windows-1255",
            "windows-1256", "windows-1257", "windows-1258", "gbk", "gb18030", "big5", "big5-hkscs", "euc-jp", "iso-2022-jp",
            "shift_jis", "windows-31j", "euc-kr", "x-windows-949");

    /** The end of the head (where a browser stops caring about a late {@code <meta>}), at most 64 KB in. */
    private static int headEnd(byte[] b) {
        int n = Math.min(b.length, 65536);
        String s = new String(b, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int end = s.indexOf("<body");
        if (end < 0) end = s.indexOf("</head");
        return end < 0 ? n : end;
    }

    /** A charset label as the WHATWG Encoding standard maps it, or null when Java has no such charset. */
    static Charset label(String name) {
        if (name == null || name.isBlank()) return null;
        String n = name.strip().toLowerCase(Locale.ROOT);
        switch (n) {
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "ansi_x3.4-1968", "cp1252",
                 "x-cp1252", "iso_8859-1", "cp819", "ibm819" -> n = "windows-1252";
            case "iso-8859-9", "latin5" -> n = "windows-1254";
            case "tis-620", "iso-8859-11" -> n = "windows-874";
            case "gb2312", "gb_2312-80", "x-gbk", "chinese" -> n = "gbk";
            case "ks_c_5601-1987", "euc-kr", "korean" -> n = "x-windows-949";
            case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j" -> n = "windows-31j";
            case "utf8", "unicode-1-1-utf-8" -> n = "utf-8";
            case "iso-8859-8-i", "iso-8859-8", "logical", "visual", "hebrew" -> n = "windows-1255";
            case "iso-8859-6", "arabic" -> n = "windows-1256";
            default -> {
            }
        }
        try {
            return Charset.forName(n);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    static boolean isUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Valid UTF-8 that is not plain ASCII. */
    static boolean isMultibyteUtf8(byte[] b) {
        boolean high = false;
        for (byte x : b) {
            if (x < 0) {
                high = true;
                break;
            }
        }
        return high && isUtf8(b);
    }

    /** ICU's statistical guess; Latin-1 is read as Windows-1252, as browsers do. */
    static Charset detect(byte[] b) {
        boolean high = false;
        for (byte x : b) {
            if (x < 0) {
                high = true;
                break;
            }
        }
        if (!high) return StandardCharsets.UTF_8;
        CharsetDetector det = new CharsetDetector();
        det.enableInputFilter(true); // markup dilutes the statistics: judge the text between tags
        det.setText(b);
        CharsetMatch m = det.detect();
        if (m == null) return Charset.forName("windows-1252");
        Charset cs = label(m.getName());
        return cs == null ? Charset.forName("windows-1252") : cs;
    }
}
