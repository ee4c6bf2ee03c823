package org.openhaven.engine.dns.verify;

import java.util.List;
import org.openhaven.engine.dns.DnsRecord;

/**
 * What the authoritative servers answered for one expected record.
 *
 * @param wanted   the expected value in the normalised form the servers' answers are compared in
 * @param found    the values they returned for the name and type, normalised; empty when none
 */
public record RecordCheck(DnsRecord expected, String wanted, List<String> found) {

    public RecordCheck {
        found = List.copyOf(found);
    }

    public boolean ok() {
        return found.contains(wanted);
    }

    /** "cloud.example.org A: expected 203.0.113.10, found 198.51.100.1" or "… not found". */
    public String describe() {
        String head = expected.name() + " " + expected.type() + ": expected " + expected.content();
        return found.isEmpty() ? head + ", but no such record exists yet" : head + ", found " + String.join(", ", found);
    }
}
