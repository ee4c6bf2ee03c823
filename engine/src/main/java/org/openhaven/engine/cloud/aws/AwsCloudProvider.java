package org.openhaven.engine.cloud.aws;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.openhaven.engine.cloud.CloudProvider;
import org.openhaven.engine.cloud.CloudResource;
import org.openhaven.engine.cloud.FirewallRule;
import org.openhaven.engine.cloud.HavenLabel;
import org.openhaven.engine.cloud.Region;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.cloud.ServerRequest;
import org.openhaven.engine.cloud.ServerType;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.http.Polling;
import org.openhaven.engine.spec.HavenSpec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/**
 * AWS EC2 through the AWS SDK v2. Everything carries the tags {@code openhaven=<haven>} and {@code Name=<name>},
 * set atomically at creation with TagSpecifications, and is looked up by those tags before anything is created.
 * RunInstances also gets a ClientToken derived from the request, so even a create whose answer was lost and
 * whose instance is not yet visible to DescribeInstances returns the same instance instead of a second one.
 *
 * <p>Security groups live in the region's default VPC. Prices come from a dated, bundled table
 * ({@link AwsPrices}) because EC2 has no price API.
 */
public final class AwsCloudProvider implements CloudProvider, org.openhaven.engine.cost.DiskCharges {

    public static final String ID = "aws";
    static final String DEBIAN_OWNER = "136693071363";
    static final String CANONICAL_OWNER = "099720109477";
    static final int ROOT_VOLUME_GB = 40;
    static final String IDEMPOTENT_PARAMETER_MISMATCH = "IdempotentParameterMismatch";
    static final List<String> LIVE_STATES = List.of("pending", "running", "stopping", "stopped");
    static final AwsErrors ERRORS = new AwsErrors("AWS EC2", "ec2:Describe*, ec2:ImportKeyPair, ec2:DeleteKeyPair, "
            + "ec2:CreateSecurityGroup, ec2:AuthorizeSecurityGroupIngress, ec2:RevokeSecurityGroupIngress, "
            + "ec2:DeleteSecurityGroup, ec2:RunInstances, "
            + "ec2:TerminateInstances, ec2:CreateTags, ec2:AllocateAddress, ec2:AssociateAddress, ec2:ReleaseAddress");

    private final Ec2Client ec2;
    private final String region;
    private final AwsPrices prices;
    private final Polling polling;

    public AwsCloudProvider(Ec2Client ec2, String region, AwsPrices prices, Polling polling) {
        this.ec2 = ec2;
        this.region = region;
        this.prices = prices;
        this.polling = polling;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String verifyCredentials() {
        int regions = call("DescribeRegions", () -> ec2.describeRegions().regions().size());
        return "AWS account (" + regions + " regions enabled, using " + region + ")";
    }

    @Override
    public List<Region> regions() {
        List<String> enabled = call("DescribeRegions",
                () -> ec2.describeRegions().regions().stream()
                        .map(software.amazon.awssdk.services.ec2.model.Region::regionName).toList());
        // Offer the regions the price table knows, so every choice comes with a price.
        return prices.regions().stream().filter(r -> enabled.contains(r.id())).toList();
    }

    @Override
    public List<ServerType> serverTypes() {
        return prices.serverTypes(region, ROOT_VOLUME_GB);
    }

    @Override
    public BigDecimal monthlyIpPrice() {
        return prices.publicIpv4Monthly();
    }

    @Override
    public int rootVolumeGb() {
        return ROOT_VOLUME_GB;
    }

    @Override
    public BigDecimal diskGbMonthly(String region) {
        return prices.diskGbMonthly(region);
    }

    @Override
    public List<String> warnings(HavenSpec spec) {
        return policyWarnings(spec);
    }

    /** The provider's port-25 policy when the haven runs a mail server; needs no credentials, so plans can show it. */
    public static List<String> policyWarnings(HavenSpec spec) {
        if (!spec.mailEnabled()) {
            return List.of();
        }
        return List.of("AWS throttles outgoing mail on port 25 for every EC2 account. Before the haven can send "
                + "mail, submit the \"Request to remove email sending limitations\" form (AWS Support → Create case "
                + "→ Service limit increase → EC2 e-mail), naming the Elastic IP and the reverse DNS name.");
    }

    @Override
    public CloudResource ensureSshKey(HavenLabel label, String name, String publicKeyOpenSsh) {
        Optional<KeyPairInfo> existing = call("DescribeKeyPairs", () -> ec2.describeKeyPairs(r -> r.filters(
                owned(label), Filter.builder().name("key-name").values(name).build())).keyPairs()).stream().findFirst();
        if (existing.isPresent()) {
            return key(existing.get().keyPairId(), existing.get().keyName());
        }
        var imported = call("ImportKeyPair", () -> ec2.importKeyPair(r -> r.keyName(name)
                .publicKeyMaterial(software.amazon.awssdk.core.SdkBytes.fromString(publicKeyOpenSsh,
                        StandardCharsets.UTF_8))
                .tagSpecifications(tags(ResourceType.KEY_PAIR, label, name))));
        return key(imported.keyPairId(), imported.keyName());
    }

    /**
     * Finds the tagged security group (or creates it) and converges its inbound permissions on {@code rules}:
     * AuthorizeSecurityGroupIngress for missing openings, RevokeSecurityGroupIngress for ones no longer wanted, no
     * call when they already match.
     */
    @Override
    public CloudResource ensureFirewall(HavenLabel label, String name, List<FirewallRule> rules) {
        Optional<SecurityGroup> existing = call("DescribeSecurityGroups", () -> ec2.describeSecurityGroups(r ->
                r.filters(owned(label), Filter.builder().name("group-name").values(name).build()))
                .securityGroups()).stream().findFirst();
        String groupId;
        List<IpPermission> present = List.of();
        if (existing.isPresent()) {
            groupId = existing.get().groupId();
            present = existing.get().ipPermissions();
        } else {
            groupId = call("CreateSecurityGroup", () -> ec2.createSecurityGroup(r -> r.groupName(name)
                    .description("OpenHaven " + label.havenId() + ": inbound openings")
                    .tagSpecifications(tags(ResourceType.SECURITY_GROUP, label, name))).groupId());
        }
        // Converge the group on the wanted openings: what an interrupted run left out or a new service needs is
        // authorized, what is no longer wanted is revoked. Authorize first, so nothing wanted is ever closed.
        SecurityGroupRules.Changes changes = SecurityGroupRules.diff(present, rules);
        if (!changes.authorize().isEmpty()) {
            call("AuthorizeSecurityGroupIngress", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId)
                    .ipPermissions(changes.authorize())));
        }
        if (!changes.revoke().isEmpty()) {
            call("RevokeSecurityGroupIngress", () -> ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId)
                    .ipPermissions(changes.revoke())));
        }
        return new CloudResource(ResourceKind.FIREWALL, groupId, name, Map.of());
    }

    @Override
    public CloudResource ensureServer(HavenLabel label, ServerRequest request) {
        Optional<Instance> existing = instances(label, request.name()).stream().findFirst();
        if (existing.isPresent()) {
            return server(existing.get());
        }
        Image image = image(request.image());
        String userData = Base64.getEncoder().encodeToString(request.userData().getBytes(StandardCharsets.UTF_8));
        String baseToken = clientToken(label, request);
        // A ClientToken stays bound to its request even after the instance is terminated: the same token returns
        // the terminated instance, or fails with IdempotentParameterMismatch when other parameters come with it (a
        // haven destroyed and applied again, a newer image). Either way, step to the next token; the sequence is
        // fixed, so a resumed run still meets the token its lost predecessor used.
        for (int generation = 0; generation < 5; generation++) {
            String token = generation == 0 ? baseToken : baseToken + "-" + generation;
            Instance instance;
            try {
                instance = ec2.runInstances(r -> r
                        .clientToken(token)
                        .imageId(image.imageId())
                        .instanceType(request.size())
                        .minCount(1).maxCount(1)
                        .keyName(request.sshKey().name())
                        .securityGroupIds(request.firewall() == null ? List.of()
                                : List.of(request.firewall().providerId()))
                        .userData(userData)
                        .blockDeviceMappings(b -> b.deviceName(image.rootDeviceName())
                                .ebs(e -> e.volumeSize(ROOT_VOLUME_GB).volumeType(VolumeType.GP3)
                                        .deleteOnTermination(true)))
                        .tagSpecifications(tags(ResourceType.INSTANCE, label, request.name()),
                                tags(ResourceType.VOLUME, label, request.name())))
                        .instances().get(0);
            } catch (SdkException e) {
                if (IDEMPOTENT_PARAMETER_MISMATCH.equals(AwsErrors.code(e))) {
                    continue;
                }
                throw ERRORS.map("RunInstances", e);
            }
            InstanceStateName state = instance.state() == null ? null : instance.state().name();
            if (state != InstanceStateName.TERMINATED && state != InstanceStateName.SHUTTING_DOWN) {
                return server(instance);
            }
        }
        throw OpenHavenException.of(ErrorCategory.PROVIDER_API, "AWS EC2 refused five client tokens in a row for the "
                        + "server " + request.name() + ": each still belongs to an earlier, terminated instance.")
                .remedy("Wait a few hours for AWS to forget the terminated instances' tokens, or rename the haven's "
                        + "server, then apply again.")
                .build();
    }

    @Override
    public CloudResource ensureReservedIp(HavenLabel label, String name, CloudResource server) {
        Optional<Address> existing = call("DescribeAddresses", () -> ec2.describeAddresses(r -> r.filters(owned(label),
                Filter.builder().name("tag:Name").values(name).build())).addresses()).stream().findFirst();
        Address address = existing.orElseGet(() -> {
            var allocated = call("AllocateAddress", () -> ec2.allocateAddress(r -> r.domain("vpc")
                    .tagSpecifications(tags(ResourceType.ELASTIC_IP, label, name))));
            return Address.builder().allocationId(allocated.allocationId()).publicIp(allocated.publicIp()).build();
        });
        if (!server.providerId().equals(address.instanceId())) {
            // AssociateAddress fails with IncorrectInstanceState while the instance is still pending.
            waitUntilRunning(server, Duration.ofMinutes(10));
            call("AssociateAddress", () -> ec2.associateAddress(r -> r.allocationId(address.allocationId())
                    .instanceId(server.providerId()).allowReassociation(true)));
        }
        return new CloudResource(ResourceKind.IP, address.allocationId(), name,
                Map.of("ipv4", address.publicIp(), "server", server.providerId()));
    }

    @Override
    public CloudResource waitUntilRunning(CloudResource server, Duration deadline) {
        return polling.until("the EC2 instance " + server.name() + " to run", deadline,
                "Look at the instance in the EC2 console; if it is stuck, terminate it and apply again.", () -> {
                    List<Instance> found = call("DescribeInstances", () -> ec2.describeInstances(r -> r
                            .instanceIds(server.providerId())).reservations().stream()
                            .flatMap(res -> res.instances().stream()).toList());
                    return found.stream()
                            .filter(i -> i.state().name() == InstanceStateName.RUNNING && i.publicIpAddress() != null)
                            .findFirst().map(AwsCloudProvider::server);
                });
    }

    @Override
    public List<CloudResource> listOwned(HavenLabel label) {
        List<CloudResource> owned = new ArrayList<>();
        instances(label, null).forEach(i -> owned.add(server(i)));
        call("DescribeAddresses", () -> ec2.describeAddresses(r -> r.filters(owned(label))).addresses())
                .forEach(a -> owned.add(new CloudResource(ResourceKind.IP, a.allocationId(), nameTag(a.tags()),
                        a.instanceId() == null ? Map.of("ipv4", a.publicIp())
                                : Map.of("ipv4", a.publicIp(), "server", a.instanceId()))));
        call("DescribeSecurityGroups", () -> ec2.describeSecurityGroups(r -> r.filters(owned(label))).securityGroups())
                .forEach(g -> owned.add(new CloudResource(ResourceKind.FIREWALL, g.groupId(), g.groupName(), Map.of())));
        call("DescribeKeyPairs", () -> ec2.describeKeyPairs(r -> r.filters(owned(label))).keyPairs())
                .forEach(k -> owned.add(key(k.keyPairId(), k.keyName())));
        return owned;
    }

    @Override
    public void destroy(CloudResource resource) {
        try {
            switch (resource.kind()) {
                case SERVER -> {
                    ec2.terminateInstances(r -> r.instanceIds(resource.providerId()));
                    // The security group can only go once the instance is gone.
                    polling.until("the EC2 instance " + resource.name() + " to terminate", Duration.ofMinutes(5),
                            "Check the instance in the EC2 console and run destroy again.",
                            () -> terminated(resource.providerId()) ? Optional.of(true) : Optional.empty());
                }
                case IP -> ec2.releaseAddress(r -> r.allocationId(resource.providerId()));
                case FIREWALL -> ec2.deleteSecurityGroup(r -> r.groupId(resource.providerId()));
                case SSH_KEY -> ec2.deleteKeyPair(r -> r.keyPairId(resource.providerId()));
                default -> throw new IllegalArgumentException("AWS does not manage " + resource.kind());
            }
        } catch (SdkException e) {
            if (!AwsErrors.isNotFound(e)) {
                throw ERRORS.map("deleting " + resource.name(), e);
            }
        }
    }

    private boolean terminated(String instanceId) {
        try {
            return ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().stream()
                    .flatMap(res -> res.instances().stream())
                    .allMatch(i -> i.state().name() == InstanceStateName.TERMINATED);
        } catch (SdkException e) {
            if (AwsErrors.isNotFound(e)) {
                return true;
            }
            throw ERRORS.map("DescribeInstances", e);
        }
    }

    private List<Instance> instances(HavenLabel label, String name) {
        List<Filter> filters = new ArrayList<>(List.of(owned(label),
                Filter.builder().name("instance-state-name").values(LIVE_STATES).build()));
        if (name != null) {
            filters.add(Filter.builder().name("tag:Name").values(name).build());
        }
        return call("DescribeInstances", () -> ec2.describeInstancesPaginator(r -> r.filters(filters)).reservations()
                .stream().flatMap(res -> res.instances().stream()).toList());
    }

    /** The newest Debian 12 (or Ubuntu) image from its publisher's account, or an explicit {@code ami-} id. */
    private Image image(String wanted) {
        String requested = wanted == null ? "debian-12" : wanted;
        if (requested.startsWith("ami-")) {
            return call("DescribeImages", () -> ec2.describeImages(r -> r.imageIds(requested)).images()).get(0);
        }
        boolean ubuntu = requested.startsWith("ubuntu");
        String owner = ubuntu ? CANONICAL_OWNER : DEBIAN_OWNER;
        String pattern = ubuntu ? "ubuntu/images/hvm-ssd*/ubuntu-noble-24.04-amd64-server-*" : "debian-12-amd64-*";
        List<Image> images = call("DescribeImages", () -> ec2.describeImages(r -> r.owners(owner).filters(
                Filter.builder().name("name").values(pattern).build(),
                Filter.builder().name("architecture").values("x86_64").build(),
                Filter.builder().name("state").values("available").build())).images());
        return images.stream().max(Comparator.comparing(Image::creationDate))
                .orElseThrow(() -> OpenHavenException.of(ErrorCategory.PROVIDER_API,
                                "No " + (ubuntu ? "Ubuntu 24.04" : "Debian 12") + " image was found in " + region + ".")
                        .remedy("Pick another region, or set an explicit AMI id (ami-…) as the image.")
                        .build());
    }

    /** The first RunInstances ClientToken for {@code request}: a digest of the haven and every request parameter. */
    static String clientToken(HavenLabel label, ServerRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // Everything RunInstances is sent, so a new key or security group (a re-created haven) means a new token.
            String identity = String.join("\n", label.havenId(), request.name(), request.region(), request.size(),
                    String.valueOf(request.image()), request.userData(),
                    request.sshKey() == null ? "" : request.sshKey().name(),
                    request.firewall() == null ? "" : request.firewall().providerId());
            return "openhaven-" + HexFormat.of().formatHex(sha.digest(identity.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw OpenHavenException.internal("SHA-256 is not available in this Java runtime.", e);
        }
    }

    private static Filter owned(HavenLabel label) {
        return Filter.builder().name("tag:" + HavenLabel.KEY).values(label.havenId()).build();
    }

    private static TagSpecification tags(ResourceType type, HavenLabel label, String name) {
        return TagSpecification.builder().resourceType(type).tags(
                Tag.builder().key(HavenLabel.KEY).value(label.havenId()).build(),
                Tag.builder().key("Name").value(name).build()).build();
    }

    private static String nameTag(List<Tag> tags) {
        return tags.stream().filter(t -> "Name".equals(t.key())).map(Tag::value).findFirst().orElse("");
    }

    private static CloudResource key(String id, String name) {
        return new CloudResource(ResourceKind.SSH_KEY, id == null ? name : id, name, Map.of());
    }

    static CloudResource server(Instance instance) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("status", instance.state() == null ? "" : instance.state().nameAsString());
        attributes.put("size", instance.instanceTypeAsString());
        if (instance.placement() != null && instance.placement().availabilityZone() != null) {
            attributes.put("zone", instance.placement().availabilityZone());
        }
        if (instance.publicIpAddress() != null) {
            attributes.put("ipv4", instance.publicIpAddress());
        }
        return new CloudResource(ResourceKind.SERVER, instance.instanceId(), nameTag(instance.tags()), attributes);
    }

    private static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw ERRORS.map(what, e);
        }
    }
}
