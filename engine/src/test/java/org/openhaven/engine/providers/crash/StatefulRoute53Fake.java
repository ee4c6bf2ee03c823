package org.openhaven.engine.providers.crash;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A stateful fake of one Route53 public hosted zone ({@code example.org.}) through the REST XML API, kept in the
 * test's JVM. Shapes follow docs.aws.amazon.com/Route53/latest/APIReference/: API_ListHostedZones.html,
 * API_ListResourceRecordSets.html (record sets ordered by name with its labels reversed, then type; listing starts
 * at {@code name}/{@code type}), API_ChangeResourceRecordSets.html (a batch is validated as a whole and applied
 * atomically; CREATE of an existing set and DELETE of a set that does not match exactly fail with
 * {@code InvalidChangeBatch}; UPSERT creates or replaces).
 *
 * <p>The zone starts with the records a user already has (apex NS/SOA/TXT, {@code www}, and another haven's
 * record with its own ownership marker), so tests can show that nothing of theirs is touched.
 */
final class StatefulRoute53Fake extends KillableHttpFake {

    static final String ZONE_ID = "Z1D633PJN98FT9";
    private static final String NS = "xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"";
    private static final String API = "/2013-04-01";

    /** One record set: name with the trailing dot, type, TTL and its values in order. */
    record RecordSet(String name, String type, long ttl, List<String> values) {
        String key() {
            List<String> labels = new ArrayList<>(List.of(name.toLowerCase(Locale.ROOT).split("\\.")));
            Collections.reverse(labels);
            return String.join(".", labels) + " " + type;
        }
    }

    private final Map<String, RecordSet> zone = new TreeMap<>();
    private final List<String> actions = new ArrayList<>();
    private final Map<String, RecordSet> usersOwn;
    private int nextChange = 1;

    StatefulRoute53Fake() throws IOException {
        List<RecordSet> seed = List.of(
                new RecordSet("example.org.", "NS", 172800, List.of("ns-2048.awsdns-64.com.",
                        "ns-2049.awsdns-65.net.")),
                new RecordSet("example.org.", "SOA", 900, List.of("ns-2048.awsdns-64.com. "
                        + "awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400")),
                new RecordSet("example.org.", "TXT", 300, List.of("\"google-site-verification=abc\"")),
                new RecordSet("www.example.org.", "A", 300, List.of("192.0.2.80")),
                new RecordSet("other.example.org.", "A", 300, List.of("192.0.2.81")),
                new RecordSet("_openhaven-other.example.org.", "TXT", 300,
                        List.of("\"A other.example.org 0123456789abcdef\"")));
        seed.forEach(set -> zone.put(set.key(), set));
        usersOwn = new TreeMap<>(zone);
    }

    String route53Endpoint() {
        return endpoint();
    }

    /** The zone's record sets now, in Route53's order. */
    synchronized List<RecordSet> recordSets() {
        return List.copyOf(zone.values());
    }

    /** The record sets the zone held before OpenHaven came. */
    Map<String, RecordSet> usersOwn() {
        return usersOwn;
    }

    /** The Action of every change applied, in order. */
    synchronized List<String> actions() {
        return List.copyOf(actions);
    }

    @Override
    Answer answer(Request request) {
        String path = request.path();
        if (request.method().equals("GET") && path.equals(API + "/hostedzone")) {
            return new Answer("ListHostedZones", 200, "<?xml version=\"1.0\"?><ListHostedZonesResponse " + NS
                    + "><HostedZones><HostedZone><Id>/hostedzone/" + ZONE_ID + "</Id><Name>example.org.</Name>"
                    + "<CallerReference>seed</CallerReference><Config><PrivateZone>false</PrivateZone></Config>"
                    + "<ResourceRecordSetCount>" + zone.size() + "</ResourceRecordSetCount></HostedZone>"
                    + "</HostedZones><IsTruncated>false</IsTruncated><MaxItems>100</MaxItems>"
                    + "</ListHostedZonesResponse>");
        }
        if (path.startsWith(API + "/change/")) {
            return new Answer("GetChange", 200, "<?xml version=\"1.0\"?><GetChangeResponse " + NS + ">"
                    + changeInfo(path.substring(path.lastIndexOf('/') + 1), "INSYNC") + "</GetChangeResponse>");
        }
        String rrsets = API + "/hostedzone/" + ZONE_ID + "/rrset";
        if (!path.startsWith(rrsets)) {
            return error("ListResourceRecordSets", 404, "NoSuchHostedZone", "No hosted zone found with ID: "
                    + path);
        }
        if (request.method().equals("GET")) {
            return new Answer("ListResourceRecordSets", 200, list(request.query()));
        }
        try {
            return new Answer("ChangeResourceRecordSets", 200, change(request.body()));
        } catch (InvalidChangeBatch e) {
            return error("ChangeResourceRecordSets", 400, "InvalidChangeBatch", e.getMessage());
        }
    }

    private String list(Map<String, String> query) {
        String start = query.containsKey("name") ? new RecordSet(dotted(query.get("name")),
                query.getOrDefault("type", ""), 0, List.of()).key() : "";
        int max = Integer.parseInt(query.getOrDefault("maxitems", "300"));
        List<RecordSet> from = zone.values().stream().filter(s -> s.key().compareTo(start) >= 0).toList();
        StringBuilder sets = new StringBuilder();
        for (RecordSet set : from.subList(0, Math.min(max, from.size()))) {
            sets.append("<ResourceRecordSet><Name>").append(xml(set.name())).append("</Name><Type>")
                    .append(set.type()).append("</Type><TTL>").append(set.ttl()).append("</TTL><ResourceRecords>");
            set.values().forEach(v -> sets.append("<ResourceRecord><Value>").append(xml(v))
                    .append("</Value></ResourceRecord>"));
            sets.append("</ResourceRecords></ResourceRecordSet>");
        }
        boolean truncated = from.size() > max;
        return "<?xml version=\"1.0\"?><ListResourceRecordSetsResponse " + NS + "><ResourceRecordSets>" + sets
                + "</ResourceRecordSets><IsTruncated>" + truncated + "</IsTruncated>"
                + (truncated ? "<NextRecordName>" + xml(from.get(max).name()) + "</NextRecordName><NextRecordType>"
                + from.get(max).type() + "</NextRecordType>" : "")
                + "<MaxItems>" + max + "</MaxItems></ListResourceRecordSetsResponse>";
    }

    private String change(byte[] body) {
        Element batch = parse(body).getDocumentElement();
        NodeList changes = batch.getElementsByTagName("Change");
        Map<String, RecordSet> next = new TreeMap<>(zone);
        List<String> applied = new ArrayList<>();
        for (int i = 0; i < changes.getLength(); i++) {
            Element change = (Element) changes.item(i);
            String action = text(change, "Action");
            Element set = (Element) change.getElementsByTagName("ResourceRecordSet").item(0);
            List<String> values = new ArrayList<>();
            NodeList records = set.getElementsByTagName("Value");
            for (int v = 0; v < records.getLength(); v++) {
                values.add(records.item(v).getTextContent());
            }
            RecordSet wanted = new RecordSet(dotted(text(set, "Name")), text(set, "Type"),
                    Long.parseLong(text(set, "TTL")), values);
            RecordSet current = next.get(wanted.key());
            switch (action) {
                case "CREATE" -> {
                    if (current != null) {
                        throw new InvalidChangeBatch("[Tried to create resource record set [name='" + wanted.name()
                                + "', type='" + wanted.type() + "'] but it already exists]");
                    }
                    next.put(wanted.key(), wanted);
                }
                case "DELETE" -> {
                    if (!wanted.equals(current)) {
                        throw new InvalidChangeBatch("[Tried to delete resource record set [name='" + wanted.name()
                                + "', type='" + wanted.type() + "'] but " + (current == null ? "it was not found"
                                : "the values provided do not match the current values") + "]");
                    }
                    next.remove(wanted.key());
                }
                case "UPSERT" -> next.put(wanted.key(), wanted);
                default -> throw new InvalidChangeBatch("Invalid action " + action);
            }
            if (values.isEmpty()) {
                throw new InvalidChangeBatch("ResourceRecordSet " + wanted.name() + " has no ResourceRecords");
            }
            applied.add(action);
        }
        next.keySet().stream().filter(k -> !zone.containsKey(k)).forEach(k -> created("record-set"));
        zone.clear();
        zone.putAll(next);
        actions.addAll(applied);
        return "<?xml version=\"1.0\"?><ChangeResourceRecordSetsResponse " + NS + ">"
                + changeInfo("C" + (nextChange++), "PENDING") + "</ChangeResourceRecordSetsResponse>";
    }

    private static String changeInfo(String id, String status) {
        return "<ChangeInfo><Id>/change/" + id + "</Id><Status>" + status + "</Status>"
                + "<SubmittedAt>2026-11-24T12:00:00.000Z</SubmittedAt></ChangeInfo>";
    }

    /** API_ChangeResourceRecordSets.html#API_ChangeResourceRecordSets_Errors and common-errors.html. */
    private static Answer error(String operation, int status, String code, String message) {
        return new Answer(operation, status, "<?xml version=\"1.0\"?><ErrorResponse " + NS + "><Error>"
                + "<Type>Sender</Type><Code>" + code + "</Code><Message>" + xml(message) + "</Message></Error>"
                + "<RequestId>a2b3c4d5-example</RequestId></ErrorResponse>");
    }

    /** Route53 keeps names lower case, fully qualified, and a leading wildcard as {@code \052}. */
    private static String dotted(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replaceFirst("^\\*\\.", "\\\\052.");
        return lower.endsWith(".") ? lower : lower + ".";
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }

    private static Document parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new InvalidChangeBatch("the request body is not valid XML: " + e.getMessage());
        }
    }

    private static final class InvalidChangeBatch extends RuntimeException {
        InvalidChangeBatch(String message) {
            super(message);
        }
    }
}
