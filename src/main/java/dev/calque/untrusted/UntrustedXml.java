package dev.calque.untrusted;

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

    /** Whether a parse error is the refusal of a DOCTYPE (Xerces words it this way in every locale we ship). */
    public static boolean isDoctypeRefusal(Throwable e) {
        String m = e.getMessage();
        return m != null && m.contains("DOCTYPE") && m.contains("disallow-doctype-decl");
    }
}
