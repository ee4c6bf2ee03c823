package org.openhaven.engine.cloud.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhaven.engine.cloud.CloudResource;
import org.openhaven.engine.cloud.FirewallRule;
import org.openhaven.engine.cloud.HavenLabel;
import org.openhaven.engine.cloud.ResourceKind;
import org.openhaven.engine.cloud.ServerRequest;
import org.openhaven.engine.cloud.ServerType;
import org.openhaven.engine.error.ErrorCategory;
import org.openhaven.engine.error.OpenHavenException;
import org.openhaven.engine.http.FakeTime;
import org.openhaven.engine.secrets.Secret;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The EC2 provider through the real AWS SDK v2 against WireMock stubs of the EC2 Query API. Response shapes follow
 * the API reference at docs.aws.amazon.com/AWSEC2/latest/APIReference/ (each stub names its page); errors follow
 * docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html.
 */
class AwsEc2ContractIT {

    static final WireMockServer EC2 = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final String NS = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";
    static final HavenLabel LABEL = new HavenLabel("demo");
    static final CloudResource KEY = new CloudResource(ResourceKind.SSH_KEY, "key-0a1b2c", "demo-key", Map.of());
    static final CloudResource GROUP = new CloudResource(ResourceKind.FIREWALL, "sg-0123", "demo-fw", Map.of());
    static final ServerRequest REQUEST = new ServerRequest("demo-server", "eu-central-1", "t3.medium", "debian-12",
            "#cloud-config\n", KEY, GROUP);

    /** API_DescribeInstances.html / API_Instance.html: one instance in a reservation. */
    static String instance(String state, int code, String ip) {
        return "<item><instanceId>i-0abc123</instanceId><imageId>ami-0deb12</imageId>"
                + "<instanceState><code>" + code + "</code><name>" + state + "</name></instanceState>"
                + "<instanceType>t3.medium</instanceType>"
                + "<placement><availabilityZone>eu-central-1a</availabilityZone></placement>"
                + (ip == null ? "" : "<ipAddress>" + ip + "</ipAddress>")
                + "<tagSet><item><key>openhaven</key><value>demo</value></item>"
                + "<item><key>Name</key><value>demo-server</value></item></tagSet></item>";
    }

    static String reservations(String instances) {
        return "<DescribeInstancesResponse " + NS + "><requestId>8f7724cf-496f-496e-8fe3-example</requestId>"
                + "<reservationSet>" + (instances.isEmpty() ? "" : "<item><reservationId>r-1a2b</reservationId>"
                + "<ownerId>123456789012</ownerId><groupSet/><instancesSet>" + instances + "</instancesSet></item>")
                + "</reservationSet></DescribeInstancesResponse>";
    }

    static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(body);
    }

    /** errors-overview.html: the EC2 error envelope. */
    static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>" + code
                        + "</Code><Message>" + message + "</Message></Error></Errors>"
                        + "<RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>");
    }

    static MappingBuilder action(String action) {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    static final String IMAGES = "<DescribeImagesResponse " + NS + "><requestId>r</requestId><imagesSet>"
            // API_DescribeImages.html: two Debian images; the newer one must win.
            + "<item><imageId>ami-0old</imageId><name>debian-12-amd64-20240101-1000</name>"
            + "<creationDate>2024-01-01T10:00:00.000Z</creationDate><imageOwnerId>136693071363</imageOwnerId>"
            + "<architecture>x86_64</architecture><rootDeviceName>/dev/xvda</rootDeviceName></item>"
            + "<item><imageId>ami-0deb12</imageId><name>debian-12-amd64-20250601-2100</name>"
            + "<creationDate>2025-06-01T21:00:00.000Z</creationDate><imageOwnerId>136693071363</imageOwnerId>"
            + "<architecture>x86_64</architecture><rootDeviceName>/dev/xvda</rootDeviceName></item>"
            + "</imagesSet></DescribeImagesResponse>";

    FakeTime time;
    Ec2Client client;
    AwsCloudProvider aws;

    @BeforeAll
    static void start() {
        EC2.start();
    }

    @AfterAll
    static void stop() {
        EC2.stop();
    }

    @BeforeEach
    void reset() {
        EC2.resetAll();
        time = new FakeTime();
        client = AwsClients.ec2("eu-central-1", URI.create(EC2.baseUrl()),
                AwsCredentials.fromVault(Secret.of("AKIAEXAMPLE"), Secret.of("aws-test-secret")));
        aws = new AwsCloudProvider(client, "eu-central-1", AwsPrices.bundled(), time.polling());
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        client.close();
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new java.util.TreeMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    @Test
    void ensureServerRunsATaggedInstanceWithUserDataFromTheNewestDebianImage() {
        EC2.stubFor(action("DescribeInstances").willReturn(xml(reservations(""))));
        EC2.stubFor(action("DescribeImages").willReturn(xml(IMAGES)));
        // API_RunInstances.html: the reservation with the pending instance
        EC2.stubFor(action("RunInstances").willReturn(xml("<RunInstancesResponse " + NS + "><requestId>r</requestId>"
                + "<reservationId>r-1a2b</reservationId><ownerId>123456789012</ownerId><groupSet/><instancesSet>"
                + instance("pending", 0, null) + "</instancesSet></RunInstancesResponse>")));

        CloudResource server = aws.ensureServer(LABEL, REQUEST);

        assertThat(server.providerId()).isEqualTo("i-0abc123");
        Map<String, String> run = form(EC2.findAll(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=RunInstances"))).get(0));
        assertThat(run).containsEntry("ImageId", "ami-0deb12")
                .containsEntry("InstanceType", "t3.medium")
                .containsEntry("KeyName", "demo-key")
                .containsEntry("SecurityGroupId.1", "sg-0123")
                .containsEntry("UserData", Base64.getEncoder().encodeToString("#cloud-config\n".getBytes()))
                .containsEntry("ClientToken", AwsCloudProvider.clientToken(LABEL, REQUEST))
                .containsEntry("TagSpecification.1.ResourceType", "instance")
                .containsEntry("TagSpecification.1.Tag.1.Key", "openhaven")
                .containsEntry("TagSpecification.1.Tag.1.Value", "demo")
                .containsEntry("BlockDeviceMapping.1.Ebs.VolumeSize", "40");
        Map<String, String> images = form(EC2.findAll(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeImages"))).get(0));
        assertThat(images).containsEntry("Owner.1", "136693071363").containsValue("debian-12-amd64-*");
    }

    @Test
    void retriedEnsureServerAfterALostResponseReusesTheClientTokenAndCreatesNoSecondInstance() {
        // The instance exists but is not yet visible to DescribeInstances (eventual consistency).
        EC2.stubFor(action("DescribeInstances").willReturn(xml(reservations(""))));
        EC2.stubFor(action("DescribeImages").willReturn(xml(IMAGES)));
        EC2.stubFor(action("RunInstances").inScenario("lost").whenScenarioStateIs(STARTED).willSetStateTo("created")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        EC2.stubFor(action("RunInstances").inScenario("lost").whenScenarioStateIs("created")
                .willReturn(xml("<RunInstancesResponse " + NS + "><reservationId>r-1a2b</reservationId><instancesSet>"
                        + instance("pending", 0, null) + "</instancesSet></RunInstancesResponse>")));

        CloudResource server;
        try {
            server = aws.ensureServer(LABEL, REQUEST);
        } catch (OpenHavenException lost) {
            assertThat(lost.category()).isEqualTo(ErrorCategory.NETWORK);
            server = aws.ensureServer(LABEL, REQUEST);
        }

        assertThat(server.providerId()).isEqualTo("i-0abc123");
        List<String> tokens = EC2.findAll(postRequestedFor(urlEqualTo("/"))
                        .withRequestBody(containing("Action=RunInstances"))).stream()
                .map(r -> form(r).get("ClientToken")).distinct().toList();
        assertThat(tokens).containsExactly(AwsCloudProvider.clientToken(LABEL, REQUEST));
    }

    @Test
    void ensureServerStepsToTheNextClientTokenWhenEc2SaysTheFirstCameWithOtherParameters() {
        // Run_Instance_Idempotency.html: the same token with other parameters fails with IdempotentParameterMismatch
        // (here: the token of a since-destroyed instance of this haven, or a newer image).
        EC2.stubFor(action("DescribeInstances").willReturn(xml(reservations(""))));
        EC2.stubFor(action("DescribeImages").willReturn(xml(IMAGES)));
        EC2.stubFor(action("RunInstances").inScenario("mismatch").whenScenarioStateIs(STARTED).willSetStateTo("next")
                .willReturn(error(400, "IdempotentParameterMismatch", "The client token you have provided is "
                        + "associated with a resource that is already deleted or has different parameters.")));
        EC2.stubFor(action("RunInstances").inScenario("mismatch").whenScenarioStateIs("next")
                .willReturn(xml("<RunInstancesResponse " + NS + "><reservationId>r-1a2b</reservationId><instancesSet>"
                        + instance("pending", 0, null) + "</instancesSet></RunInstancesResponse>")));

        CloudResource server = aws.ensureServer(LABEL, REQUEST);

        assertThat(server.providerId()).isEqualTo("i-0abc123");
        String first = AwsCloudProvider.clientToken(LABEL, REQUEST);
        assertThat(EC2.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=RunInstances")))
                .stream().map(r -> form(r).get("ClientToken")).toList()).containsExactly(first, first + "-1");
    }

    @Test
    void clientTokenChangesWithTheSecurityGroupSoARecreatedHavenGetsAFreshOne() {
        ServerRequest recreated = new ServerRequest(REQUEST.name(), REQUEST.region(), REQUEST.size(), REQUEST.image(),
                REQUEST.userData(), KEY, new CloudResource(ResourceKind.FIREWALL, "sg-0456", "demo-fw", Map.of()));

        assertThat(AwsCloudProvider.clientToken(LABEL, recreated))
                .isNotEqualTo(AwsCloudProvider.clientToken(LABEL, REQUEST))
                .isEqualTo(AwsCloudProvider.clientToken(LABEL, recreated)).hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void ensureServerFindsTheTaggedInstanceBeforeRunningAnother() {
        EC2.stubFor(action("DescribeInstances").willReturn(xml(reservations(instance("running", 16,
                "203.0.113.30")))));

        CloudResource server = aws.ensureServer(LABEL, REQUEST);

        assertThat(server.attribute("ipv4")).isEqualTo("203.0.113.30");
        EC2.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=RunInstances")));
        Map<String, String> filters = form(EC2.findAll(postRequestedFor(urlEqualTo("/"))).get(0));
        assertThat(filters).containsEntry("Filter.1.Name", "tag:openhaven").containsEntry("Filter.1.Value.1", "demo");
    }

    @Test
    void instanceLimitIsAQuotaError() {
        EC2.stubFor(action("DescribeInstances").willReturn(xml(reservations(""))));
        EC2.stubFor(action("DescribeImages").willReturn(xml(IMAGES)));
        EC2.stubFor(action("RunInstances").willReturn(error(400, "VcpuLimitExceeded",
                "You have requested more vCPU capacity than your current vCPU limit of 1 allows")));

        assertThatThrownBy(() -> aws.ensureServer(LABEL, REQUEST))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA);
                    assertThat(e.remedy()).contains("Service Quotas");
                });
    }

    @Test
    void rejectedCredentialsAreAnAuthErrorAndListOwnedNeverReturnsEmpty() {
        EC2.stubFor(action("DescribeInstances").willReturn(error(401, "AuthFailure",
                "AWS was not able to validate the provided access credentials")));

        assertThatThrownBy(() -> aws.listOwned(LABEL))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
                    // Java's HttpURLConnection drops the body of a 401 to a POST, so the status is all we get.
                    assertThat(e.userMessage()).contains("HTTP 401").doesNotContain("aws-test-secret");
                    assertThat(e.remedy()).contains("IAM → Users");
                });
    }

    @Test
    void destroyWithMissingPermissionThrowsAuthInsteadOfTreatingItAsGone() {
        EC2.stubFor(action("DeleteSecurityGroup").willReturn(error(403, "UnauthorizedOperation",
                "You are not authorized to perform this operation.")));

        assertThatThrownBy(() -> aws.destroy(GROUP)).isInstanceOfSatisfying(OpenHavenException.class,
                e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTH));
    }

    @Test
    void destroyTreatsAnAlreadyReleasedAddressAsSuccess() {
        EC2.stubFor(action("ReleaseAddress").willReturn(error(400, "InvalidAllocationID.NotFound",
                "The allocation ID 'eipalloc-1' does not exist")));

        aws.destroy(new CloudResource(ResourceKind.IP, "eipalloc-1", "demo-ip", Map.of()));
    }

    @Test
    void destroyServerTerminatesAndWaitsUntilTerminated() {
        // API_TerminateInstances.html
        EC2.stubFor(action("TerminateInstances").willReturn(xml("<TerminateInstancesResponse " + NS + ">"
                + "<instancesSet><item><instanceId>i-0abc123</instanceId><currentState><code>32</code>"
                + "<name>shutting-down</name></currentState><previousState><code>16</code><name>running</name>"
                + "</previousState></item></instancesSet></TerminateInstancesResponse>")));
        EC2.stubFor(action("DescribeInstances").inScenario("t").whenScenarioStateIs(STARTED).willSetStateTo("gone")
                .willReturn(xml(reservations(instance("shutting-down", 32, null)))));
        EC2.stubFor(action("DescribeInstances").inScenario("t").whenScenarioStateIs("gone")
                .willReturn(xml(reservations(instance("terminated", 48, null)))));

        aws.destroy(new CloudResource(ResourceKind.SERVER, "i-0abc123", "demo-server", Map.of()));

        EC2.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeInstances")));
    }

    @Test
    void ensureFirewallCreatesTheGroupAndAuthorizesEachOpening() {
        // API_DescribeSecurityGroups.html, API_CreateSecurityGroup.html, API_AuthorizeSecurityGroupIngress.html
        EC2.stubFor(action("DescribeSecurityGroups").willReturn(xml("<DescribeSecurityGroupsResponse " + NS + ">"
                + "<requestId>r</requestId><securityGroupInfo/></DescribeSecurityGroupsResponse>")));
        EC2.stubFor(action("CreateSecurityGroup").willReturn(xml("<CreateSecurityGroupResponse " + NS + ">"
                + "<requestId>r</requestId><return>true</return><groupId>sg-0123</groupId>"
                + "</CreateSecurityGroupResponse>")));
        EC2.stubFor(action("AuthorizeSecurityGroupIngress").willReturn(xml("<AuthorizeSecurityGroupIngressResponse "
                + NS + "><requestId>r</requestId><return>true</return></AuthorizeSecurityGroupIngressResponse>")));

        CloudResource group = aws.ensureFirewall(LABEL, "demo-fw",
                List.of(FirewallRule.tcp(443, "https"), FirewallRule.udp(51820, "wireguard")));

        assertThat(group.providerId()).isEqualTo("sg-0123");
        Map<String, String> ingress = form(EC2.findAll(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=AuthorizeSecurityGroupIngress"))).get(0));
        assertThat(ingress).containsEntry("GroupId", "sg-0123")
                .containsEntry("IpPermissions.1.IpProtocol", "tcp").containsEntry("IpPermissions.1.FromPort", "443")
                .containsEntry("IpPermissions.2.IpProtocol", "udp").containsEntry("IpPermissions.2.ToPort", "51820")
                .containsEntry("IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0");
    }

    @Test
    void ensureFirewallAddsOnlyTheRulesAnInterruptedRunLeftOut() {
        EC2.stubFor(action("DescribeSecurityGroups").willReturn(xml("<DescribeSecurityGroupsResponse " + NS + ">"
                + "<securityGroupInfo><item><ownerId>123456789012</ownerId><groupId>sg-0123</groupId>"
                + "<groupName>demo-fw</groupName><groupDescription>OpenHaven</groupDescription><ipPermissions>"
                + "<item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><ipRanges><item>"
                + "<cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges><item><cidrIpv6>::/0</cidrIpv6></item>"
                + "</ipv6Ranges></item></ipPermissions><tagSet><item><key>openhaven"
                + "</key><value>demo</value></item></tagSet></item></securityGroupInfo>"
                + "</DescribeSecurityGroupsResponse>")));
        EC2.stubFor(action("AuthorizeSecurityGroupIngress").willReturn(xml("<AuthorizeSecurityGroupIngressResponse "
                + NS + "><return>true</return></AuthorizeSecurityGroupIngressResponse>")));

        aws.ensureFirewall(LABEL, "demo-fw", List.of(FirewallRule.tcp(443, "https"), FirewallRule.tcp(22, "ssh")));

        EC2.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=CreateSecurityGroup")));
        Map<String, String> ingress = form(EC2.findAll(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=AuthorizeSecurityGroupIngress"))).get(0));
        assertThat(ingress).containsEntry("IpPermissions.1.FromPort", "22").doesNotContainKey("IpPermissions.2.FromPort");
    }

    /** API_IpPermission.html: one tcp port open to everyone over IPv4 and IPv6, as DescribeSecurityGroups lists it. */
    static String openToAll(int port, String description) {
        return "<item><ipProtocol>tcp</ipProtocol><fromPort>" + port + "</fromPort><toPort>" + port + "</toPort>"
                + "<groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp><description>" + description + "</description>"
                + "</item></ipRanges><ipv6Ranges><item><cidrIpv6>::/0</cidrIpv6><description>" + description
                + "</description></item></ipv6Ranges><prefixListIds/></item>";
    }

    /** API_DescribeSecurityGroups.html: the haven's group with the given inbound permissions. */
    static String webGroup(String permissions) {
        return "<DescribeSecurityGroupsResponse " + NS + "><requestId>r</requestId><securityGroupInfo><item>"
                + "<ownerId>123456789012</ownerId><groupId>sg-0123</groupId><groupName>demo-fw</groupName>"
                + "<groupDescription>OpenHaven demo: inbound openings</groupDescription><vpcId>vpc-1a2b</vpcId>"
                + "<ipPermissions>" + permissions + "</ipPermissions>"
                + "<ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0"
                + "</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissionsEgress>"
                + "<tagSet><item><key>openhaven</key><value>demo</value></item>"
                + "<item><key>Name</key><value>demo-fw</value></item></tagSet></item></securityGroupInfo>"
                + "</DescribeSecurityGroupsResponse>";
    }

    static final String WEB_PERMISSIONS = openToAll(22, "SSH") + openToAll(80, "HTTP (ACME, redirect)")
            + openToAll(443, "HTTPS");

    static final List<FirewallRule> WEB_AND_GIT_RULES = List.of(FirewallRule.tcp(22, "SSH"),
            FirewallRule.tcp(80, "HTTP (ACME, redirect)"), FirewallRule.tcp(443, "HTTPS"),
            FirewallRule.tcp(2222, "git over SSH"));

    /** API_AuthorizeSecurityGroupIngress.html and API_RevokeSecurityGroupIngress.html: both answer true. */
    static void ingressCallsSucceed() {
        EC2.stubFor(action("AuthorizeSecurityGroupIngress").willReturn(xml("<AuthorizeSecurityGroupIngressResponse "
                + NS + "><requestId>r</requestId><return>true</return></AuthorizeSecurityGroupIngressResponse>")));
        EC2.stubFor(action("RevokeSecurityGroupIngress").willReturn(xml("<RevokeSecurityGroupIngressResponse "
                + NS + "><requestId>r</requestId><return>true</return></RevokeSecurityGroupIngressResponse>")));
    }

    static List<LoggedRequest> calls(String action) {
        return EC2.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&")));
    }

    @Test
    void ensureFirewallAuthorizesANewOpeningAndRevokesAnUnwantedOneWithOneCallEach() {
        // 8080 was opened for a service the haven no longer runs.
        EC2.stubFor(action("DescribeSecurityGroups").willReturn(xml(webGroup(WEB_PERMISSIONS
                + openToAll(8080, "old service")))));
        ingressCallsSucceed();

        CloudResource group = aws.ensureFirewall(LABEL, "demo-fw", WEB_AND_GIT_RULES);

        assertThat(group.providerId()).isEqualTo("sg-0123");
        assertThat(calls("AuthorizeSecurityGroupIngress")).singleElement().satisfies(call -> assertThat(form(call))
                .isEqualTo(Map.ofEntries(Map.entry("Action", "AuthorizeSecurityGroupIngress"),
                        Map.entry("Version", "2016-11-15"), Map.entry("GroupId", "sg-0123"),
                        Map.entry("IpPermissions.1.IpProtocol", "tcp"),
                        Map.entry("IpPermissions.1.FromPort", "2222"), Map.entry("IpPermissions.1.ToPort", "2222"),
                        Map.entry("IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0"),
                        Map.entry("IpPermissions.1.IpRanges.1.Description", "git over SSH"),
                        Map.entry("IpPermissions.1.Ipv6Ranges.1.CidrIpv6", "::/0"),
                        Map.entry("IpPermissions.1.Ipv6Ranges.1.Description", "git over SSH"))));
        assertThat(calls("RevokeSecurityGroupIngress")).singleElement().satisfies(call -> assertThat(form(call))
                .isEqualTo(Map.of("Action", "RevokeSecurityGroupIngress", "Version", "2016-11-15",
                        "GroupId", "sg-0123", "IpPermissions.1.IpProtocol", "tcp",
                        "IpPermissions.1.FromPort", "8080", "IpPermissions.1.ToPort", "8080",
                        "IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0",
                        "IpPermissions.1.Ipv6Ranges.1.CidrIpv6", "::/0")));
        EC2.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=CreateSecurityGroup")));
    }

    @Test
    void ensureFirewallRevokesASourceSomeoneAddedToAnOpeningWeKeep() {
        EC2.stubFor(action("DescribeSecurityGroups").willReturn(xml(webGroup(WEB_PERMISSIONS.replace(
                "<cidrIp>0.0.0.0/0</cidrIp><description>SSH</description></item>",
                "<cidrIp>0.0.0.0/0</cidrIp><description>SSH</description></item><item><cidrIp>198.51.100.0/24"
                        + "</cidrIp></item>")))));
        ingressCallsSucceed();

        aws.ensureFirewall(LABEL, "demo-fw", WEB_AND_GIT_RULES.subList(0, 3));

        assertThat(calls("AuthorizeSecurityGroupIngress")).isEmpty();
        assertThat(calls("RevokeSecurityGroupIngress")).singleElement().satisfies(call -> assertThat(form(call))
                .containsEntry("IpPermissions.1.FromPort", "22")
                .containsEntry("IpPermissions.1.IpRanges.1.CidrIp", "198.51.100.0/24")
                .doesNotContainKey("IpPermissions.1.IpRanges.2.CidrIp")
                .doesNotContainKey("IpPermissions.1.Ipv6Ranges.1.CidrIpv6"));
    }

    @Test
    void ensureFirewallWithTheSameOpeningsSendsNoIngressCall() {
        EC2.stubFor(action("DescribeSecurityGroups").willReturn(xml(webGroup(WEB_PERMISSIONS))));
        ingressCallsSucceed();

        aws.ensureFirewall(LABEL, "demo-fw", List.of(FirewallRule.tcp(443, "HTTPS"), FirewallRule.tcp(22, "SSH"),
                FirewallRule.tcp(80, "web")));

        assertThat(calls("AuthorizeSecurityGroupIngress")).isEmpty();
        assertThat(calls("RevokeSecurityGroupIngress")).isEmpty();
        EC2.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void revokeWithoutThePermissionIsTheCredentialMessageNamingTheCall() {
        EC2.stubFor(action("DescribeSecurityGroups").willReturn(xml(webGroup(WEB_PERMISSIONS
                + openToAll(8080, "old service")))));
        EC2.stubFor(action("RevokeSecurityGroupIngress").willReturn(error(403, "UnauthorizedOperation",
                "You are not authorized to perform this operation.")));

        assertThatThrownBy(() -> aws.ensureFirewall(LABEL, "demo-fw", WEB_AND_GIT_RULES.subList(0, 3)))
                .isInstanceOfSatisfying(OpenHavenException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
                    assertThat(e.userMessage()).contains("AWS credentials").contains("RevokeSecurityGroupIngress")
                            .doesNotContain("aws-test-secret");
                    assertThat(e.remedy()).contains("IAM → Users").contains("ec2:RevokeSecurityGroupIngress");
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void throttledAuthorizeIsRetriedAndSucceeds() {
        EC2.stubFor(action("DescribeSecurityGroups").willReturn(xml(webGroup(WEB_PERMISSIONS))));
        // errors-overview.html: RequestLimitExceeded is EC2's throttling answer (HTTP 503)
        EC2.stubFor(action("AuthorizeSecurityGroupIngress").inScenario("throttle").whenScenarioStateIs(STARTED)
                .willSetStateTo("ok").willReturn(error(503, "RequestLimitExceeded", "Request limit exceeded.")));
        EC2.stubFor(action("AuthorizeSecurityGroupIngress").inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(xml("<AuthorizeSecurityGroupIngressResponse " + NS + "><requestId>r</requestId>"
                        + "<return>true</return></AuthorizeSecurityGroupIngressResponse>")));

        aws.ensureFirewall(LABEL, "demo-fw", WEB_AND_GIT_RULES);

        assertThat(calls("AuthorizeSecurityGroupIngress")).hasSize(2)
                .allSatisfy(call -> assertThat(form(call)).containsEntry("IpPermissions.1.FromPort", "2222"));
    }

    @Test
    void ensureSshKeyImportsTheKeyWithTags() {
        // API_DescribeKeyPairs.html, API_ImportKeyPair.html
        EC2.stubFor(action("DescribeKeyPairs").willReturn(xml("<DescribeKeyPairsResponse " + NS + "><requestId>r"
                + "</requestId><keySet/></DescribeKeyPairsResponse>")));
        EC2.stubFor(action("ImportKeyPair").willReturn(xml("<ImportKeyPairResponse " + NS + "><requestId>r</requestId>"
                + "<keyFingerprint>1f:51:ae:28:bf:89:e9:d8:1f:25:5d:37:2d:7d:b8:ca</keyFingerprint>"
                + "<keyName>demo-key</keyName><keyPairId>key-0a1b2c</keyPairId></ImportKeyPairResponse>")));

        CloudResource key = aws.ensureSshKey(LABEL, "demo-key", "ssh-ed25519 AAAAC3Nza demo");

        assertThat(key.providerId()).isEqualTo("key-0a1b2c");
        Map<String, String> imported = form(EC2.findAll(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=ImportKeyPair"))).get(0));
        assertThat(imported).containsEntry("KeyName", "demo-key")
                .containsEntry("PublicKeyMaterial",
                        Base64.getEncoder().encodeToString("ssh-ed25519 AAAAC3Nza demo".getBytes()))
                .containsEntry("TagSpecification.1.ResourceType", "key-pair");
    }

    @Test
    void ensureReservedIpAllocatesAndAssociatesAnElasticIp() {
        // API_DescribeAddresses.html, API_AllocateAddress.html, API_AssociateAddress.html
        EC2.stubFor(action("DescribeAddresses").willReturn(xml("<DescribeAddressesResponse " + NS + "><requestId>r"
                + "</requestId><addressesSet/></DescribeAddressesResponse>")));
        EC2.stubFor(action("DescribeInstances").willReturn(xml(reservations(instance("running", 16,
                "203.0.113.30")))));
        EC2.stubFor(action("AllocateAddress").willReturn(xml("<AllocateAddressResponse " + NS + "><requestId>r"
                + "</requestId><publicIp>198.51.100.9</publicIp><domain>vpc</domain>"
                + "<allocationId>eipalloc-5723d13e</allocationId></AllocateAddressResponse>")));
        EC2.stubFor(action("AssociateAddress").willReturn(xml("<AssociateAddressResponse " + NS + "><requestId>r"
                + "</requestId><return>true</return><associationId>eipassoc-1</associationId>"
                + "</AssociateAddressResponse>")));

        CloudResource ip = aws.ensureReservedIp(LABEL, "demo-ip",
                new CloudResource(ResourceKind.SERVER, "i-0abc123", "demo-server", Map.of()));

        assertThat(ip.attribute("ipv4")).isEqualTo("198.51.100.9");
        Map<String, String> associate = form(EC2.findAll(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=AssociateAddress"))).get(0));
        assertThat(associate).containsEntry("AllocationId", "eipalloc-5723d13e").containsEntry("InstanceId", "i-0abc123");
    }

    @Test
    void waitUntilRunningReturnsThePublicAddress() {
        EC2.stubFor(action("DescribeInstances").inScenario("boot").whenScenarioStateIs(STARTED).willSetStateTo("up")
                .willReturn(xml(reservations(instance("pending", 0, null)))));
        EC2.stubFor(action("DescribeInstances").inScenario("boot").whenScenarioStateIs("up")
                .willReturn(xml(reservations(instance("running", 16, "203.0.113.30")))));

        CloudResource running = aws.waitUntilRunning(
                new CloudResource(ResourceKind.SERVER, "i-0abc123", "demo-server", Map.of()), Duration.ofMinutes(5));

        assertThat(running.attribute("ipv4")).isEqualTo("203.0.113.30");
    }

    @Test
    void pricesComeFromTheDatedBundledTable() {
        List<ServerType> types = aws.serverTypes();

        ServerType medium = types.stream().filter(t -> t.id().equals("t3.medium")).findFirst().orElseThrow();
        assertThat(medium.memoryMb()).isEqualTo(4096);
        assertThat(medium.monthlyPrice()).isEqualByComparingTo(new BigDecimal("35.04"));
        assertThat(medium.priceSource()).startsWith("table 20");
        assertThat(aws.monthlyIpPrice()).isEqualByComparingTo(new BigDecimal("3.65"));
    }
}
