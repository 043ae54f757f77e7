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

    /** Whether a parse error is the refusal of a DOCTYPE (Xerces words it this way in every locale we ship). */
    public static boolean isDoctypeRefusal(Throwable e) {
        String m = e.getMessage();
        return m != null && m.contains("DOCTYPE") && m.contains("disallow-doctype-decl");
    }
}
