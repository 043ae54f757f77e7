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
 *   <li>XLIFF 1.2: an {@code <mrk mtype="x-its">} around each flagged passage, with the same three
 *       attributes; on the {@code <target>} (or the segment's {@code <mrk mtype="seg">}) what cannot be
 *       marked where it is (see {@code annotate12}): the attributes for one finding, for several an
 *       {@code <its:locQualityIssues>} standoff element that the target references with
 *       {@code its:locQualityIssuesRef}.</li>
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
                annotate12(doc, s, starts[i], e.getValue(), counter);
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

    /**
     * XLIFF 1.2 (ITS 2.0's XLIFF 1.2 mapping): each finding on a passage becomes an
     * {@code <mrk mtype="x-its">} around it, carrying the three LQI attributes (holding whole any
     * {@code <g>}, {@code <x/>}, {@code <ph>} it contains). A passage that crosses an inline code (one end
     * inside a {@code <g>}, half of a {@code <bpt>}/{@code <ept>} pair) or another finding's {@code <mrk>} (1.2
     * cannot overlap marks), a finding on the whole segment, and every finding of a target whose text is
     * not exactly what Calque read go on the segment instead: the attributes on the {@code <target>} (or
     * its {@code <mrk mtype="seg">}) for one, a standoff {@code <its:locQualityIssues>} for several; an
     * XML comment and the issue's comment say why a passage was not marked where it is.
     */
    private static void annotate12(Document doc, BilingualSegment s, int start, List<Finding> findings, int[] counter) {
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
        boolean exact = plain12(holder).equals(s.target());
        List<Finding> ordered = new ArrayList<>(findings);
        // containers before what they contain, so a passage inside another's is marked inside its <mrk>
        ordered.sort(java.util.Comparator.comparingInt(Finding::start).thenComparing(Finding::end, java.util.Comparator.reverseOrder()));
        List<Finding> onSegment = new ArrayList<>();
        Map<Finding, String> why = new LinkedHashMap<>();
        for (Finding f : ordered) {
            int from = f.start() - start;
            int to = f.end() - start;
            boolean whole = from <= 0 && to >= s.target().length();
            if (whole || to <= from) {
                onSegment.add(f);
                continue;
            }
            if (!exact) {
                onSegment.add(f);
                why.put(f, "the target's text is not the text Calque read from it");
                continue;
            }
            Element mrk = doc.createElementNS(holder.getNamespaceURI(), prefixed(holder, "mrk"));
            mrk.setAttribute("mtype", "x-its");
            its(mrk, f, "its:");
            if (!wrap(holder, from, to, mrk)) {
                onSegment.add(f);
                why.put(f, "the passage crosses an inline code or another finding's mark (XLIFF 1.2 marks cannot overlap)");
            }
        }
        if (onSegment.isEmpty()) return;
        for (Map.Entry<Finding, String> w : why.entrySet()) {
            // ASCII only: a comment cannot escape what the file's encoding (windows-1252, say) lacks
            Finding f = w.getKey();
            String note = " Calque: " + f.rule() + " on characters " + (f.start() - start) + "-" + (f.end() - start)
                    + " of the target is marked on the whole segment: " + w.getValue() + " ";
            unit.insertBefore(doc.createComment(note.replaceAll("[^\\x20-\\x7e]", "?").replace("--", "- -")), targets.get(0));
        }
        List<String> notes = new ArrayList<>();
        for (Finding f : onSegment) {
            notes.add(why.containsKey(f) ? " [on the whole segment: " + why.get(f) + "]" : "");
        }
        if (onSegment.size() == 1) {
            its(holder, onSegment.get(0), "its:");
            if (!notes.get(0).isEmpty()) {
                holder.setAttributeNS(ItsQuality.NS, "its:locQualityIssueComment", ItsQuality.comment(onSegment.get(0)) + notes.get(0));
            }
            return;
        }
        String id = "calque-lqi-" + (++counter[0]);
        Element standoff = doc.createElementNS(ItsQuality.NS, "its:locQualityIssues");
        standoff.setAttributeNS(XMLConstants.XML_NS_URI, "xml:id", id);
        for (int i = 0; i < onSegment.size(); i++) {
            Element issue = doc.createElementNS(ItsQuality.NS, "its:locQualityIssue");
            its(issue, onSegment.get(i), "");
            if (!notes.get(i).isEmpty()) issue.setAttribute("locQualityIssueComment", ItsQuality.comment(onSegment.get(i)) + notes.get(i));
            standoff.appendChild(issue);
        }
        unit.appendChild(standoff);
        holder.setAttributeNS(ItsQuality.NS, "its:locQualityIssuesRef", "#" + id);
    }

    /** The text Okapi reads from an XLIFF 1.2 target: text and the content of {@code <g>} and {@code <mrk>}; codes have none. */
    private static String plain12(Node n) {
        StringBuilder b = new StringBuilder();
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Text t) {
                b.append(t.getData());
            } else if (c instanceof Element e && (e.getLocalName().equals("g") || e.getLocalName().equals("mrk"))) {
                b.append(plain12(e));
            }
        }
        return b.toString();
    }

    /** XLIFF 1.2 inline elements a mark may hold whole. */
    private static final Set<String> WHOLE = Set.of("g", "x", "ph", "it", "mrk");

    /**
     * Wraps the plain text {@code [from, to)} of {@code holder} in {@code mrk}, if both ends lie in text
     * of the same element with only text and whole elements between them (no code, no other mark crossed).
     */
    private static boolean wrap(Element holder, int from, int to, Element mrk) {
        List<Text> texts = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        collectText12(holder, texts, offsets, new int[] {0});
        Text first = null;
        Text last = null;
        int firstRel = 0;
        int lastRel = 0;
        for (int i = 0; i < texts.size(); i++) {
            int o = offsets.get(i);
            int len = texts.get(i).getLength();
            if (first == null && from >= o && from < o + len) {
                first = texts.get(i);
                firstRel = from - o;
            }
            if (to > o && to <= o + len) {
                last = texts.get(i);
                lastRel = to - o;
            }
        }
        if (first == null || last == null || first.getParentNode() != last.getParentNode()) return false;
        // between them: text, and whole elements only (a <g>...</g>, an <x/>, an earlier mark); the halves
        // of a paired code (<bpt>/<ept>, <bx/>/<ex/>) would cross the new mark
        for (Node n = first; n != last; n = n.getNextSibling()) {
            if (n == null) return false;
            if (n instanceof Element e && !WHOLE.contains(e.getLocalName())) return false;
        }
        // split the end first: splitting the start may create a new node for the first part of `last`
        Node afterEnd = lastRel < last.getLength() ? last.splitText(lastRel) : last.getNextSibling();
        Node begin = firstRel > 0 ? first.splitText(firstRel) : first;
        Node parent = begin.getParentNode();
        parent.insertBefore(mrk, begin);
        for (Node n = begin; n != null && n != afterEnd; ) {
            Node next = n.getNextSibling();
            mrk.appendChild(n);
            n = next;
        }
        return true;
    }

    private static void collectText12(Node n, List<Text> texts, List<Integer> offsets, int[] seen) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Text t) {
                texts.add(t);
                offsets.add(seen[0]);
                seen[0] += t.getLength();
            } else if (c instanceof Element e && (e.getLocalName().equals("g") || e.getLocalName().equals("mrk"))) {
                collectText12(e, texts, offsets, seen);
            }
        }
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
