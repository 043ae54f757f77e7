package dev.calque.report.xliff;

import dev.calque.model.Finding;
import dev.calque.model.BilingualFile;
import dev.calque.model.BilingualFormat;
import dev.calque.model.BilingualSegment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.Text;
import org.xml.sax.SAXException;

/**
 * Writes an XLIFF file back with Calque's findings as ITS 2.0 Localization Quality Issues, leaving
 * everything else as it was.
 *
 * <ul>
 *   <li>XLIFF 2: an {@code <sm/>}/{@code <em/>} pair around each flagged passage inside the segment's
 *       {@code <target>} (where the target's text is exactly what Calque read; else around the whole
 *       target), carrying {@code its:locQualityIssueType}, {@code ...Comment}, {@code ...Severity}.</li>
 *   <li>XLIFF 1.2: on the {@code <target>} (or the segment's {@code <mrk mtype="seg">}): the three
 *       attributes for one finding; for several, an {@code <its:locQualityIssues>} standoff element
 *       in the {@code <trans-unit>} that the target references with {@code its:locQualityIssuesRef}.</li>
 * </ul>
 */
final class XliffAnnotator {
    private static final String XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2";

    private XliffAnnotator() {
    }

    static byte[] annotate(BilingualFile file, List<Finding> findings) throws IOException {
        Document doc = parse(file.original());
        Element root = doc.getDocumentElement();
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:its", ItsQuality.NS);
        root.setAttributeNS(ItsQuality.NS, "its:version", "2.0");
        Map<String, List<Finding>> bySegment = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.segmentId() != null) bySegment.computeIfAbsent(f.segmentId(), k -> new ArrayList<>()).add(f);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < file.segments().size(); i++) index.put(file.segments().get(i).id(), i);
        int[] starts = file.starts();
        int[] counter = {0};
        for (Map.Entry<String, List<Finding>> e : bySegment.entrySet()) {
            Integer i = index.get(e.getKey());
            if (i == null) continue;
            BilingualSegment s = file.segments().get(i);
            if (file.format() == BilingualFormat.XLIFF_2) {
                annotate2(doc, s, starts[i], e.getValue(), counter);
            } else {
                annotate12(doc, s, e.getValue(), counter);
            }
        }
        return serialize(doc);
    }

    // ------------------------------------------------------------------ XLIFF 2

    private static void annotate2(Document doc, BilingualSegment s, int start, List<Finding> findings, int[] counter) {
        Element unit = byId(doc, "unit", s.unitId());
        if (unit == null) return;
        List<Element> segments = children(unit, "segment");
        Element segment = null;
        for (int n = 0; n < segments.size() && segment == null; n++) {
            Element seg = segments.get(n);
            String id = seg.hasAttribute("id") ? seg.getAttribute("id") : null;
            if (s.segmentId() == null ? n == 0 : s.segmentId().equals(id) || id == null && s.segmentId().equals(Integer.toString(n + 1))) {
                segment = seg;
            }
        }
        if (segment == null) return;
        List<Element> targets = children(segment, "target");
        if (targets.isEmpty()) return;
        Element target = targets.get(0);
        Set<String> taken = new HashSet<>();
        collectIds(unit, taken);
        boolean exact = plain(target).equals(s.target());
        for (Finding f : findings) {
            String id;
            do {
                id = "calque" + (++counter[0]);
            } while (taken.contains(id));
            Element sm = doc.createElementNS(XliffBuilder.XLIFF2, prefixed(target, "sm"));
            sm.setAttribute("id", id);
            sm.setAttribute("type", "its:any");
            its(sm, f, "its:");
            Element em = doc.createElementNS(XliffBuilder.XLIFF2, prefixed(target, "em"));
            em.setAttribute("startRef", id);
            int from = exact ? Math.max(0, f.start() - start) : 0;
            int to = exact ? Math.min(s.target().length(), f.end() - start) : s.target().length();
            insert(target, to, em, true);
            insert(target, from, sm, false);
        }
    }

    private static String prefixed(Element like, String local) {
        return like.getPrefix() == null ? local : like.getPrefix() + ":" + local;
    }

    /** The text Okapi reads from an XLIFF 2 target: text, {@code <pc>}/{@code <mrk>} content, one character per {@code <cp/>}. */
    private static String plain(Node n) {
        StringBuilder b = new StringBuilder();
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Text t) {
                b.append(t.getData());
            } else if (c instanceof Element e) {
                switch (e.getLocalName()) {
                    case "pc", "mrk" -> b.append(plain(e));
                    case "cp" -> b.append('?');
                    default -> {
                        // ph, sc, ec, sm, em: no text
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * Puts {@code marker} at a plain-text offset of {@code parent}: an end marker after the character
     * before the offset, a start marker before the character at it.
     *
     * @return the characters passed so far, or -1 once inserted
     */
    private static void insert(Element parent, int offset, Element marker, boolean isEnd) {
        if (walk(parent, offset, marker, isEnd, new int[] {0})) return;
        if (isEnd || offset > 0) parent.appendChild(marker); else parent.insertBefore(marker, parent.getFirstChild());
    }

    private static boolean walk(Node parent, int offset, Element marker, boolean isEnd, int[] seen) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Text t) {
                int len = t.getLength();
                int rel = offset - seen[0];
                boolean here = isEnd ? rel > 0 && rel <= len : rel >= 0 && rel < len;
                if (here) {
                    Node after = rel == len ? t.getNextSibling() : rel == 0 ? t : t.splitText(rel);
                    t.getParentNode().insertBefore(marker, after);
                    return true;
                }
                seen[0] += len;
            } else if (c instanceof Element e) {
                String name = e.getLocalName();
                if (name.equals("pc") || name.equals("mrk")) {
                    if (walk(e, offset, marker, isEnd, seen)) return true;
                } else if (name.equals("cp")) {
                    seen[0]++;
                }
            }
        }
        return false;
    }

    private static void collectIds(Element e, Set<String> ids) {
        if (e.hasAttribute("id")) ids.add(e.getAttribute("id"));
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) collectIds(child, ids);
        }
    }

    // ------------------------------------------------------------------ XLIFF 1.2

    private static void annotate12(Document doc, BilingualSegment s, List<Finding> findings, int[] counter) {
        Element unit = byId(doc, "trans-unit", s.unitId());
        if (unit == null) return;
        List<Element> targets = children(unit, "target");
        if (targets.isEmpty()) return;
        Element holder = targets.get(0);
        if (s.segmentId() != null) {
            NodeList mrks = holder.getElementsByTagNameNS("*", "mrk");
            for (int i = 0; i < mrks.getLength(); i++) {
                Element m = (Element) mrks.item(i);
                if ("seg".equals(m.getAttribute("mtype")) && s.segmentId().equals(m.getAttribute("mid"))) holder = m;
            }
        }
        if (findings.size() == 1) {
            its(holder, findings.get(0), "its:");
            return;
        }
        String id = "calque-lqi-" + (++counter[0]);
        Element standoff = doc.createElementNS(ItsQuality.NS, "its:locQualityIssues");
        standoff.setAttributeNS(XMLConstants.XML_NS_URI, "xml:id", id);
        for (Finding f : findings) {
            Element issue = doc.createElementNS(ItsQuality.NS, "its:locQualityIssue");
            its(issue, f, "");
            standoff.appendChild(issue);
        }
        unit.appendChild(standoff);
        holder.setAttributeNS(ItsQuality.NS, "its:locQualityIssuesRef", "#" + id);
    }

    /** The three LQI attributes: in the ITS namespace on a host element, plain on a standoff issue. */
    private static void its(Element e, Finding f, String prefix) {
        String[][] values = {
                {"locQualityIssueType", ItsQuality.issueType(f.category())},
                {"locQualityIssueComment", ItsQuality.comment(f)},
                {"locQualityIssueSeverity", ItsQuality.severity(f.severity())}};
        for (String[] v : values) {
            if (prefix.isEmpty()) e.setAttribute(v[0], v[1]); else e.setAttributeNS(ItsQuality.NS, prefix + v[0], v[1]);
        }
    }

    // ------------------------------------------------------------------ DOM

    private static Element byId(Document doc, String local, String id) {
        NodeList all = doc.getElementsByTagNameNS("*", local);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) return e;
        }
        return null;
    }

    private static List<Element> children(Element parent, String local) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && local.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }

    /** A parser that never fetches anything: a DOCTYPE is kept out of reach, not loaded. */
    private static Document parse(byte[] bytes) throws IOException {
        try {
            return dev.calque.untrusted.UntrustedXml.domBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            throw new IOException("cannot write the XLIFF file back: " + e.getMessage(), e);
        }
    }

    private static byte[] serialize(Document doc) throws IOException {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.METHOD, "xml");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.setXmlStandalone(true);
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IOException("cannot write the XLIFF file back: " + e.getMessage(), e);
        }
    }
}
