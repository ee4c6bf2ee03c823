package org.openhaven.engine.providers.crash;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A stateful fake of the EC2 Query API (form-encoded POST, XML answers in the {@code 2016-11-15} namespace) for the
 * actions OpenHaven uses, kept in the test's JVM so the SIGKILLed engine cannot take its state along. Shapes follow
 * docs.aws.amazon.com/AWSEC2/latest/APIReference/ (each action names its page); errors use the envelope of
 * errors-overview.html.
 *
 * <p>Behaviour that matters for crash safety, as EC2 documents it:
 * <ul>
 *   <li>RunInstances with a ClientToken already used returns the original reservation and creates nothing;
 *       the same token with other parameters fails with {@code IdempotentParameterMismatch}
 *       (Run_Instance_Idempotency.html).</li>
 *   <li>DescribeInstances is eventually consistent (query-api-troubleshooting.html#eventual-consistency): an
 *       instance whose RunInstances answer was lost stays out of filtered DescribeInstances until RunInstances is
 *       called again with its ClientToken, so only the token can save a resumed run from a second instance.</li>
 *   <li>DeleteSecurityGroup of a group a live instance uses fails with {@code DependencyViolation}; ReleaseAddress in
 *       the default VPC disassociates the address first (API_ReleaseAddress.html); terminating an instance frees its
 *       Elastic IP (the address stays allocated).</li>
 * </ul>
 */
final class StatefulEc2Fake extends KillableHttpFake {

    static final String DEBIAN_OWNER = "136693071363";
    private static final String NS = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";

    /** A fake resource: its id, tags, and the fields each action needs. */
    static final class Resource {
        final String id;
        final Map<String, String> tags = new LinkedHashMap<>();
        final Map<String, String> fields = new LinkedHashMap<>();
        final List<String[]> permissions = new ArrayList<>();

        Resource(String id) {
            this.id = id;
        }

        String field(String name) {
            return fields.get(name);
        }

        @Override
        public String toString() {
            return id + " " + tags + " " + fields.keySet().stream().filter(k -> !k.equals("user-data"))
                    .map(k -> k + "=" + fields.get(k)).toList();
        }
    }

    private record Reservation(String id, String parameters, List<String> instanceIds) {
    }

    private final Map<String, List<Resource>> resources = new TreeMap<>();
    private final Map<String, Reservation> byClientToken = new LinkedHashMap<>();
    private final List<String> clientTokensSeen = new ArrayList<>();
    private int nextId = 0x1000;

    StatefulEc2Fake() throws IOException {
        for (String kind : List.of("instance", "key-pair", "security-group", "elastic-ip")) {
            resources.put(kind, new ArrayList<>());
        }
    }

    /** Everything of {@code kind} ({@code instance}, {@code key-pair}, {@code security-group}, {@code elastic-ip}). */
    synchronized List<Resource> all(String kind) {
        return List.copyOf(resources.get(kind));
    }

    /** Instances not terminated. */
    synchronized List<Resource> liveInstances() {
        return resources.get("instance").stream().filter(i -> !"terminated".equals(i.field("state"))).toList();
    }

    /** The ClientToken of every RunInstances call, in order (an empty string where none was sent). */
    synchronized List<String> clientTokens() {
        return List.copyOf(clientTokensSeen);
    }

    @Override
    Answer answer(Request request) {
        Map<String, String> form = query(request.bodyText());
        String action = form.getOrDefault("Action", "");
        try {
            return new Answer(action, 200, switch (action) {
                case "DescribeRegions" -> describeRegions();
                case "DescribeKeyPairs" -> describeKeyPairs(form);
                case "ImportKeyPair" -> importKeyPair(form);
                case "DeleteKeyPair" -> deleteKeyPair(form);
                case "DescribeSecurityGroups" -> describeSecurityGroups(form);
                case "CreateSecurityGroup" -> createSecurityGroup(form);
                case "AuthorizeSecurityGroupIngress" -> changeIngress(form, true);
                case "RevokeSecurityGroupIngress" -> changeIngress(form, false);
                case "DeleteSecurityGroup" -> deleteSecurityGroup(form);
                case "DescribeImages" -> describeImages(form);
                case "RunInstances" -> runInstances(form);
                case "DescribeInstances" -> describeInstances(form);
                case "TerminateInstances" -> terminateInstances(form);
                case "DescribeAddresses" -> describeAddresses(form);
                case "AllocateAddress" -> allocateAddress(form);
                case "AssociateAddress" -> associateAddress(form);
                case "ReleaseAddress" -> releaseAddress(form);
                default -> throw new Ec2Error("InvalidAction", "The action " + action + " is not valid for this web "
                        + "service.");
            });
        } catch (Ec2Error e) {
            // errors-overview.html: client errors are HTTP 400 with this envelope
            return new Answer(action, 400, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>"
                    + e.code + "</Code><Message>" + xml(e.getMessage()) + "</Message></Error></Errors>"
                    + "<RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>");
        }
    }

    @Override
    void answerLost(Answer answer) {
        if (answer.operation().equals("RunInstances") && answer.status() == 200) {
            // The instance exists, but the tag index has not caught up: only its ClientToken finds it again.
            resources.get("instance").get(resources.get("instance").size() - 1).fields.put("indexed", "false");
        }
    }

    // --- API_DescribeRegions.html ----------------------------------------------------------------------------------

    private String describeRegions() {
        return response("DescribeRegions", "<regionInfo><item><regionName>eu-central-1</regionName>"
                + "<regionEndpoint>ec2.eu-central-1.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required"
                + "</optInStatus></item><item><regionName>us-east-1</regionName><regionEndpoint>"
                + "ec2.us-east-1.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>"
                + "</regionInfo>");
    }

    // --- API_DescribeKeyPairs.html, API_ImportKeyPair.html, API_DeleteKeyPair.html ---------------------------------

    private String describeKeyPairs(Map<String, String> form) {
        StringBuilder items = new StringBuilder();
        for (Resource key : filtered("key-pair", form)) {
            items.append("<item><keyPairId>").append(key.id).append("</keyPairId><keyName>")
                    .append(xml(key.field("key-name"))).append("</keyName><keyFingerprint>")
                    .append(key.field("fingerprint")).append("</keyFingerprint><keyType>ed25519</keyType>")
                    .append(tagSet(key)).append("</item>");
        }
        return response("DescribeKeyPairs", "<keySet>" + items + "</keySet>");
    }

    private String importKeyPair(Map<String, String> form) {
        String name = required(form, "KeyName");
        if (resources.get("key-pair").stream().anyMatch(k -> name.equals(k.field("key-name")))) {
            throw new Ec2Error("InvalidKeyPair.Duplicate", "The keypair '" + name + "' already exists.");
        }
        Resource key = create("key-pair", "key-");
        key.fields.put("key-name", name);
        key.fields.put("fingerprint", "SHA256:" + Integer.toHexString(required(form, "PublicKeyMaterial").hashCode()));
        tag(key, form, "key-pair");
        return response("ImportKeyPair", "<keyFingerprint>" + key.field("fingerprint") + "</keyFingerprint><keyName>"
                + xml(name) + "</keyName><keyPairId>" + key.id + "</keyPairId>" + tagSet(key));
    }

    private String deleteKeyPair(Map<String, String> form) {
        String id = form.get("KeyPairId");
        resources.get("key-pair").removeIf(k -> k.id.equals(id) || Objects.equals(form.get("KeyName"),
                k.field("key-name")));
        // DeleteKeyPair succeeds for a key that does not exist
        return response("DeleteKeyPair", "<return>true</return>");
    }

    // --- API_DescribeSecurityGroups.html, API_CreateSecurityGroup.html, API_AuthorizeSecurityGroupIngress.html,
    // --- API_RevokeSecurityGroupIngress.html, API_DeleteSecurityGroup.html -----------------------------------------

    private String describeSecurityGroups(Map<String, String> form) {
        StringBuilder items = new StringBuilder();
        for (Resource group : filtered("security-group", form)) {
            // One IpPermission per protocol and port range, with its IPv4 and IPv6 sources (API_IpPermission.html).
            Map<String, List<String[]>> byPorts = new LinkedHashMap<>();
            group.permissions.forEach(p -> byPorts.computeIfAbsent(p[0] + " " + p[1] + " " + p[2],
                    k -> new ArrayList<>()).add(p));
            StringBuilder permissions = new StringBuilder();
            for (List<String[]> sources : byPorts.values()) {
                String[] first = sources.get(0);
                permissions.append("<item><ipProtocol>").append(first[0]).append("</ipProtocol><fromPort>")
                        .append(first[1]).append("</fromPort><toPort>").append(first[2]).append("</toPort><ipRanges>");
                sources.stream().filter(p -> p[3].equals("v4")).forEach(p -> permissions.append("<item><cidrIp>")
                        .append(p[4]).append("</cidrIp></item>"));
                permissions.append("</ipRanges><ipv6Ranges>");
                sources.stream().filter(p -> p[3].equals("v6")).forEach(p -> permissions.append("<item><cidrIpv6>")
                        .append(p[4]).append("</cidrIpv6></item>"));
                permissions.append("</ipv6Ranges></item>");
            }
            items.append("<item><ownerId>123456789012</ownerId><groupId>").append(group.id).append("</groupId>")
                    .append("<groupName>").append(xml(group.field("group-name"))).append("</groupName>")
                    .append("<groupDescription>").append(xml(group.field("description"))).append("</groupDescription>")
                    .append("<vpcId>vpc-0default</vpcId><ipPermissions>").append(permissions)
                    .append("</ipPermissions>").append(tagSet(group)).append("</item>");
        }
        return response("DescribeSecurityGroups", "<securityGroupInfo>" + items + "</securityGroupInfo>");
    }

    private String createSecurityGroup(Map<String, String> form) {
        String name = required(form, "GroupName");
        if (resources.get("security-group").stream().anyMatch(g -> name.equals(g.field("group-name")))) {
            throw new Ec2Error("InvalidGroup.Duplicate", "The security group '" + name + "' already exists for VPC "
                    + "'vpc-0default'");
        }
        Resource group = create("security-group", "sg-");
        group.fields.put("group-name", name);
        group.fields.put("description", required(form, "GroupDescription"));
        tag(group, form, "security-group");
        return response("CreateSecurityGroup", "<return>true</return><groupId>" + group.id + "</groupId>");
    }

    private String changeIngress(Map<String, String> form, boolean authorize) {
        Resource group = byId("security-group", required(form, "GroupId"), "InvalidGroup.NotFound");
        // EC2 keeps one rule per protocol, port range and source; a request names several at once.
        List<String[]> rules = new ArrayList<>();
        for (int n = 1; form.containsKey("IpPermissions." + n + ".IpProtocol"); n++) {
            String prefix = "IpPermissions." + n + ".";
            String[] ports = {form.get(prefix + "IpProtocol"), form.getOrDefault(prefix + "FromPort", "-1"),
                    form.getOrDefault(prefix + "ToPort", "-1")};
            for (int m = 1; form.containsKey(prefix + "IpRanges." + m + ".CidrIp"); m++) {
                rules.add(new String[] {ports[0], ports[1], ports[2], "v4",
                        form.get(prefix + "IpRanges." + m + ".CidrIp")});
            }
            for (int m = 1; form.containsKey(prefix + "Ipv6Ranges." + m + ".CidrIpv6"); m++) {
                rules.add(new String[] {ports[0], ports[1], ports[2], "v6",
                        form.get(prefix + "Ipv6Ranges." + m + ".CidrIpv6")});
            }
        }
        for (String[] rule : rules) {
            boolean present = group.permissions.stream().anyMatch(p -> Arrays.equals(p, rule));
            if (authorize && present) {
                throw new Ec2Error("InvalidPermission.Duplicate", "the specified rule \"peer: " + rule[4] + ", "
                        + rule[0].toUpperCase(Locale.ROOT) + ", from port: " + rule[1] + ", to port: " + rule[2]
                        + ", ALLOW\" already exists");
            }
            if (!authorize && !present) {
                throw new Ec2Error("InvalidPermission.NotFound", "The specified rule does not exist in this security "
                        + "group.");
            }
        }
        // All or nothing, like EC2: only now that every rule was checked does the group change.
        for (String[] rule : rules) {
            if (authorize) {
                group.permissions.add(rule);
            } else {
                group.permissions.removeIf(p -> Arrays.equals(p, rule));
            }
        }
        String name = authorize ? "AuthorizeSecurityGroupIngress" : "RevokeSecurityGroupIngress";
        return response(name, "<return>true</return>");
    }

    private String deleteSecurityGroup(Map<String, String> form) {
        Resource group = byId("security-group", required(form, "GroupId"), "InvalidGroup.NotFound");
        boolean used = liveInstances().stream().anyMatch(i -> i.field("group").equals(group.id));
        if (used) {
            throw new Ec2Error("DependencyViolation", "resource " + group.id + " has a dependent object");
        }
        resources.get("security-group").remove(group);
        return response("DeleteSecurityGroup", "<return>true</return>");
    }

    // --- API_DescribeImages.html -----------------------------------------------------------------------------------

    private String describeImages(Map<String, String> form) {
        boolean debian = DEBIAN_OWNER.equals(form.get("Owner.1")) || "ami-0deb12".equals(form.get("ImageId.1"));
        return response("DescribeImages", "<imagesSet>" + (debian ? "<item><imageId>ami-0deb12</imageId>"
                + "<name>debian-12-amd64-20250601-2100</name><creationDate>2025-06-01T21:00:00.000Z</creationDate>"
                + "<imageState>available</imageState><imageOwnerId>" + DEBIAN_OWNER + "</imageOwnerId>"
                + "<architecture>x86_64</architecture><rootDeviceName>/dev/xvda</rootDeviceName></item>" : "")
                + "</imagesSet>");
    }

    // --- API_RunInstances.html, API_DescribeInstances.html, API_TerminateInstances.html -----------------------------

    private String runInstances(Map<String, String> form) {
        String token = form.getOrDefault("ClientToken", "");
        clientTokensSeen.add(token);
        Map<String, String> parameters = new TreeMap<>(form);
        parameters.remove("ClientToken");
        Reservation earlier = token.isEmpty() ? null : byClientToken.get(token);
        if (earlier != null) {
            if (!earlier.parameters().equals(parameters.toString())) {
                throw new Ec2Error("IdempotentParameterMismatch", "The client token you have provided is associated "
                        + "with a resource that is already deleted or has different parameters.");
            }
            // Run_Instance_Idempotency.html: the same answer as the first time; the instance is now indexed.
            earlier.instanceIds().forEach(id -> byId("instance", id, "InvalidInstanceID.NotFound").fields
                    .remove("indexed"));
            return reservation("RunInstances", earlier);
        }
        String image = required(form, "ImageId");
        if (!image.equals("ami-0deb12")) {
            throw new Ec2Error("InvalidAMIID.NotFound", "The image id '[" + image + "]' does not exist");
        }
        String keyName = required(form, "KeyName");
        if (resources.get("key-pair").stream().noneMatch(k -> keyName.equals(k.field("key-name")))) {
            throw new Ec2Error("InvalidKeyPair.NotFound", "The key pair '" + keyName + "' does not exist");
        }
        String group = required(form, "SecurityGroupId.1");
        byId("security-group", group, "InvalidGroup.NotFound");
        Resource instance = create("instance", "i-0");
        instance.fields.put("state", "pending");
        instance.fields.put("type", required(form, "InstanceType"));
        instance.fields.put("key", keyName);
        instance.fields.put("group", group);
        instance.fields.put("user-data", required(form, "UserData"));
        tag(instance, form, "instance");
        Reservation reservation = new Reservation("r-0" + Integer.toHexString(nextId++), parameters.toString(),
                List.of(instance.id));
        if (!token.isEmpty()) {
            byClientToken.put(token, reservation);
        }
        return reservation("RunInstances", reservation);
    }

    private String describeInstances(Map<String, String> form) {
        List<Resource> found;
        if (form.containsKey("InstanceId.1")) {
            // Lookups by id are consistent; pending instances have finished booting by the time anyone looks.
            found = new ArrayList<>();
            for (int n = 1; form.containsKey("InstanceId." + n); n++) {
                found.add(byId("instance", form.get("InstanceId." + n), "InvalidInstanceID.NotFound"));
            }
            found.stream().filter(i -> "pending".equals(i.field("state"))).forEach(this::boot);
        } else {
            found = filtered("instance", form).stream().filter(i -> !"false".equals(i.field("indexed"))).toList();
        }
        StringBuilder sets = new StringBuilder();
        Map<String, List<Resource>> byReservation = new LinkedHashMap<>();
        found.forEach(i -> byReservation.computeIfAbsent(i.field("reservation"), r -> new ArrayList<>()).add(i));
        byReservation.forEach((id, instances) -> sets.append("<item><reservationId>").append(id)
                .append("</reservationId><ownerId>123456789012</ownerId><groupSet/><instancesSet>")
                .append(instances.stream().map(StatefulEc2Fake::instance).reduce("", String::concat))
                .append("</instancesSet></item>"));
        return response("DescribeInstances", "<reservationSet>" + sets + "</reservationSet>");
    }

    private String terminateInstances(Map<String, String> form) {
        StringBuilder items = new StringBuilder();
        for (int n = 1; form.containsKey("InstanceId." + n); n++) {
            Resource instance = byId("instance", form.get("InstanceId." + n), "InvalidInstanceID.NotFound");
            String previous = instance.field("state");
            instance.fields.put("state", "terminated");
            instance.fields.remove("ip");
            resources.get("elastic-ip").stream().filter(a -> instance.id.equals(a.field("instance")))
                    .forEach(a -> a.fields.remove("instance"));
            items.append("<item><instanceId>").append(instance.id).append("</instanceId><currentState><code>32</code>"
                    + "<name>shutting-down</name></currentState><previousState><code>")
                    .append(stateCode(previous)).append("</code><name>").append(previous)
                    .append("</name></previousState></item>");
        }
        return response("TerminateInstances", "<instancesSet>" + items + "</instancesSet>");
    }

    // --- API_DescribeAddresses.html, API_AllocateAddress.html, API_AssociateAddress.html, API_ReleaseAddress.html ---

    private String describeAddresses(Map<String, String> form) {
        StringBuilder items = new StringBuilder();
        for (Resource address : filtered("elastic-ip", form)) {
            items.append("<item><publicIp>").append(address.field("ip")).append("</publicIp><allocationId>")
                    .append(address.id).append("</allocationId><domain>vpc</domain>");
            if (address.field("instance") != null) {
                items.append("<instanceId>").append(address.field("instance")).append("</instanceId>")
                        .append("<associationId>eipassoc-").append(address.id.substring(9)).append("</associationId>");
            }
            items.append(tagSet(address)).append("</item>");
        }
        return response("DescribeAddresses", "<addressesSet>" + items + "</addressesSet>");
    }

    private String allocateAddress(Map<String, String> form) {
        Resource address = create("elastic-ip", "eipalloc-");
        address.fields.put("ip", "198.51.100." + (resources.get("elastic-ip").size() + 20));
        tag(address, form, "elastic-ip");
        return response("AllocateAddress", "<publicIp>" + address.field("ip") + "</publicIp><domain>vpc</domain>"
                + "<allocationId>" + address.id + "</allocationId>");
    }

    private String associateAddress(Map<String, String> form) {
        Resource address = byId("elastic-ip", required(form, "AllocationId"), "InvalidAllocationID.NotFound");
        Resource instance = byId("instance", required(form, "InstanceId"), "InvalidInstanceID.NotFound");
        if (!"running".equals(instance.field("state"))) {
            throw new Ec2Error("IncorrectInstanceState", "The instance '" + instance.id + "' is not in a valid state "
                    + "for this operation.");
        }
        if (address.field("instance") != null && !"true".equals(form.get("AllowReassociation"))) {
            throw new Ec2Error("Resource.AlreadyAssociated", "resource " + address.id + " is already associated");
        }
        address.fields.put("instance", instance.id);
        instance.fields.put("ip", address.field("ip"));
        return response("AssociateAddress", "<return>true</return><associationId>eipassoc-" + address.id.substring(9)
                + "</associationId>");
    }

    private String releaseAddress(Map<String, String> form) {
        Resource address = byId("elastic-ip", required(form, "AllocationId"), "InvalidAllocationID.NotFound");
        // Default VPC: releasing disassociates; the instance falls back to an automatic public address.
        liveInstances().stream().filter(i -> i.id.equals(address.field("instance")))
                .forEach(i -> i.fields.put("ip", "192.0.2." + (nextId++ % 200)));
        resources.get("elastic-ip").remove(address);
        return response("ReleaseAddress", "<return>true</return>");
    }

    // --- shared ----------------------------------------------------------------------------------------------------

    private void boot(Resource instance) {
        instance.fields.put("state", "running");
        instance.fields.putIfAbsent("ip", "192.0.2." + (nextId++ % 200));
    }

    private Resource create(String kind, String prefix) {
        Resource resource = new Resource(prefix + String.format("%016x", nextId++).substring(prefix.equals("i-0")
                ? 0 : 8));
        resources.get(kind).add(resource);
        created(kind);
        return resource;
    }

    private String reservation(String action, Reservation reservation) {
        String instances = reservation.instanceIds().stream().map(id -> instance(byId("instance", id,
                "InvalidInstanceID.NotFound"))).reduce("", String::concat);
        for (String id : reservation.instanceIds()) {
            byId("instance", id, "InvalidInstanceID.NotFound").fields.put("reservation", reservation.id());
        }
        return response(action, "<reservationId>" + reservation.id() + "</reservationId><ownerId>123456789012"
                + "</ownerId><groupSet/><instancesSet>" + instances + "</instancesSet>");
    }

    private static String instance(Resource i) {
        String state = i.field("state");
        return "<item><instanceId>" + i.id + "</instanceId><imageId>ami-0deb12</imageId><instanceState><code>"
                + stateCode(state) + "</code><name>" + state + "</name></instanceState><instanceType>"
                + i.field("type") + "</instanceType><keyName>" + xml(i.field("key")) + "</keyName>"
                + "<placement><availabilityZone>eu-central-1a</availabilityZone></placement>"
                + (i.field("ip") == null ? "" : "<ipAddress>" + i.field("ip") + "</ipAddress>")
                + "<groupSet><item><groupId>" + i.field("group") + "</groupId></item></groupSet>"
                + tagSet(i) + "</item>";
    }

    /** API_InstanceState.html. */
    private static int stateCode(String state) {
        return switch (state) {
            case "pending" -> 0;
            case "running" -> 16;
            case "shutting-down" -> 32;
            case "terminated" -> 48;
            default -> 80;
        };
    }

    /** Copies the TagSpecification for {@code type} onto the resource, atomically with its creation. */
    private static void tag(Resource resource, Map<String, String> form, String type) {
        for (int s = 1; form.containsKey("TagSpecification." + s + ".ResourceType"); s++) {
            if (form.get("TagSpecification." + s + ".ResourceType").equals(type)) {
                for (int t = 1; form.containsKey("TagSpecification." + s + ".Tag." + t + ".Key"); t++) {
                    resource.tags.put(form.get("TagSpecification." + s + ".Tag." + t + ".Key"),
                            form.getOrDefault("TagSpecification." + s + ".Tag." + t + ".Value", ""));
                }
            }
        }
    }

    private static String tagSet(Resource resource) {
        StringBuilder tags = new StringBuilder("<tagSet>");
        resource.tags.forEach((k, v) -> tags.append("<item><key>").append(xml(k)).append("</key><value>")
                .append(xml(v)).append("</value></item>"));
        return tags.append("</tagSet>").toString();
    }

    /** The resources of {@code kind} matching every {@code Filter.N} of the request (values within one are ORed). */
    private List<Resource> filtered(String kind, Map<String, String> form) {
        List<Resource> found = new ArrayList<>(resources.get(kind));
        for (int n = 1; form.containsKey("Filter." + n + ".Name"); n++) {
            String name = form.get("Filter." + n + ".Name");
            List<String> values = new ArrayList<>();
            for (int v = 1; form.containsKey("Filter." + n + ".Value." + v); v++) {
                values.add(form.get("Filter." + n + ".Value." + v));
            }
            found.removeIf(r -> !values.contains(attribute(r, name)));
        }
        return found;
    }

    private static String attribute(Resource resource, String filter) {
        if (filter.startsWith("tag:")) {
            return resource.tags.get(filter.substring(4));
        }
        return switch (filter) {
            case "key-name", "group-name" -> resource.field(filter);
            case "instance-state-name" -> resource.field("state");
            default -> throw new Ec2Error("InvalidParameterValue", "The filter '" + filter + "' is invalid");
        };
    }

    private Resource byId(String kind, String id, String notFound) {
        return resources.get(kind).stream().filter(r -> r.id.equals(id)).findFirst()
                .orElseThrow(() -> new Ec2Error(notFound, "The ID '" + id + "' does not exist"));
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null) {
            throw new Ec2Error("MissingParameter", "The request must contain the parameter " + name);
        }
        return value;
    }

    private static String response(String action, String content) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + action + "Response " + NS + "><requestId>"
                + "59dbff89-35bd-4eac-99ed-be587example</requestId>" + content + "</" + action + "Response>";
    }

    /** An EC2 error code and message (errors-overview.html). */
    private static final class Ec2Error extends RuntimeException {
        final String code;

        Ec2Error(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}
