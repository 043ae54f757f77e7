package dev.calque.untrusted;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;

/**
 * Parsers for XML Calque did not write (rule files, documents), configured as OWASP's XXE sheet
 * advises: a DOCTYPE is refused outright, so no entity is ever declared, expanded or resolved, no
 * external DTD is loaded and no file or URL is opened because the XML names it.
 */
public final class UntrustedXml {
    /** What a refused DOCTYPE is called in a reason shown to the user. */
    public static final String NO_DOCTYPE = "a DOCTYPE is not allowed (entities could read files or reach the network)";

    private UntrustedXml() {
    }

    public static SAXParserFactory saxFactory() {
        SAXParserFactory f = SAXParserFactory.newInstance();
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser cannot be hardened: " + e.getMessage(), e);
        }
        f.setXIncludeAware(false);
        f.setValidating(false);
        return f;
    }

    /**
     * A namespace-aware DOM parser for bilingual files and glossaries (TBX, XLIFF): a DOCTYPE may stand,
     * since real files carry one, but nothing it names is fetched or expanded.
     */
    public static javax.xml.parsers.DocumentBuilder domBuilder() {
        try {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            javax.xml.parsers.DocumentBuilder b = f.newDocumentBuilder();
            b.setEntityResolver((publicId, systemId) -> new org.xml.sax.InputSource(new java.io.StringReader("")));
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened: " + e.getMessage(), e);
        }
    }

    private static final Pattern INVALID_CHARACTER = Pattern.compile("An invalid XML character \\(Unicode: 0x([0-9a-fA-F]+)\\)");

    /**
     * The parser's reason for XML that is not well-formed, in an editor's words where it has a plain
     * equivalent (round eight's sweep: cut short, a byte-order mark of another encoding, a byte that is not
     * UTF-8, a control character); the parser's own sentence otherwise. The line is given beside it.
     */
    public static String plain(SAXException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (m.contains("must start and end within the same entity") || m.contains("Premature end of file")) {
            return "the file ends before its elements are closed (cut short?)";
        }
        if (m.contains("Content is not allowed in prolog")) {
            return "text before the first element (not XML, or a byte-order mark of an encoding it does not declare?)";
        }
        if (m.contains("Content is not allowed in trailing section") || m.contains("following the root element must be well-formed")) {
            return "something after the end of the document's root element";
        }
        if (m.matches("(?s)Invalid byte \\d+ of \\d+-byte UTF-8 sequence.*")) return "not valid UTF-8";
        Matcher c = INVALID_CHARACTER.matcher(m);
        if (c.find()) {
            int code = Integer.parseInt(c.group(1), 16);
            return code == 0 ? "a NUL character (code 0) that XML does not allow in a document"
                    : "a control character (code " + code + ") that XML does not allow in a document";
        }
        return m;
    }

    /** Whether a parse error is the refusal of a DOCTYPE (Xerces words it this way in every locale we ship). */
    public static boolean isDoctypeRefusal(Throwable e) {
        String m = e.getMessage();
        return m != null && m.contains("DOCTYPE") && m.contains("disallow-doctype-decl");
    }
}
