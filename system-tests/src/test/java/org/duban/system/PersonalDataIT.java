package org.duban.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.duban.client.ApiClient;
import org.duban.client.DubanApiClient;
import org.duban.client.api.AssignmentsApi;
import org.duban.client.api.CasesApi;
import org.duban.client.api.DevTokensApi;
import org.duban.client.api.UnitsApi;
import org.duban.client.api.WebhooksApi;
import org.duban.client.model.Assignment;
import org.duban.client.model.AssignmentKind;
import org.duban.client.model.Category;
import org.duban.client.model.Channel;
import org.duban.client.model.DevTokenRequest.RolesEnum;
import org.duban.client.model.DevTokenRequest;
import org.duban.client.model.IssueAssignmentRequest;
import org.duban.client.model.ModelCase;
import org.duban.client.model.Origin;
import org.duban.client.model.Petitioner;
import org.duban.client.model.RegisterCaseRequest;
import org.duban.client.model.RegisterUnitRequest;
import org.duban.client.model.RegisterWebhookRequest;
import org.duban.client.model.ReviewDecision;
import org.duban.client.model.ReviewRequest;
import org.duban.client.model.UnitContact;
import org.duban.client.model.UnitKind;
import org.duban.client.model.WebhookWithSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 《信访工作条例》 art. 30: a petitioner's identity and the query code on the receipt stay in intake.
 * One matter with an identity found nowhere else goes the whole way — registered (and retried),
 * assigned, supervised, reported, reviewed, rated and followed by the petitioner with the code, the
 * code reissued — and then everything the platform wrote or sent is searched for it.
 */
@ExtendWith(SharedPlatform.class)
class PersonalDataIT {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalPlatform platform = SharedPlatform.platform();

    @Test
    void noPetitionerIdentityOrQueryCodeAppearsInAnyLogTopicMessageWebhookMailTimelineReportOrStoreFile()
            throws Exception {
        // given: a unit with an e-mail contact and a webhook for every event, and a petitioner nobody else has
        String supervisor = token("zhang.wei", RolesEnum.SUPERVISOR, null);
        String clerkMail = "clerk-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String unitId = new UnitsApi(client(supervisor)).registerUnit(new RegisterUnitRequest()
                .code("P" + UUID.randomUUID().toString().substring(0, 8)).name("城关街道办事处")
                .kind(UnitKind.SUB_DISTRICT).contacts(List.of(new UnitContact().name("刘干事").email(clerkMail))), null)
                .getId();
        String unit = token("liu.clerk", RolesEnum.UNIT, unitId);
        Petitioner petitioner = new Petitioner().name(uniqueName()).idNumber(uniqueIdNumber()).phone(uniquePhone());
        try (SignedWebhookReceiver receiver = new SignedWebhookReceiver()) {
            WebhookWithSecret webhook = new WebhooksApi(client(unit))
                    .registerWebhook(new RegisterWebhookRequest().url(receiver.url()), "webhook-" + unitId);
            receiver.trust(webhook.getSecret());

            // when: the matter goes the whole way
            RegisterCaseRequest registration = new RegisterCaseRequest().title("楼道堆物消防隐患")
                    .summary("反映楼道长期堆放杂物").channel(Channel.VISIT).origin(Origin.SELF)
                    .category(Category.URBAN_RURAL_CONSTRUCTION).petitioner(petitioner);
            String key = UUID.randomUUID().toString();
            ModelCase matter = new CasesApi(client(supervisor)).registerCase(registration, key);
            ModelCase retried = new CasesApi(client(supervisor)).registerCase(registration, key);
            assertThat(retried.getQueryCode()).isEqualTo(matter.getQueryCode()).isNotBlank();
            Assignment assignment = new AssignmentsApi(client(supervisor)).issueAssignment(matter.getId(),
                    new IssueAssignmentRequest().unitId(unitId).kind(AssignmentKind.ASSIGN), UUID.randomUUID().toString());
            ResponsibleUnitIntegration unitSystem = new ResponsibleUnitIntegration(platform.gatewayUrl(), unit);
            assertThat(unitSystem.acceptNewAssignments(OffsetDateTime.now())).hasSize(1);
            SupervisionJourney journey = new SupervisionJourney(platform.gatewayUrl());
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    journey.respond(unit, journey.openOrder(supervisor, assignment.getId()).getId()) != null);
            unitSystem.reportProgress(assignment.getId(), "已上门约谈，正在清理");
            unitSystem.submitFinalReport(assignment.getId(), "楼道杂物已清理，信访人认可", OffsetDateTime.now());
            new AssignmentsApi(client(supervisor)).reviewAssignment(assignment.getId(),
                    new ReviewRequest().decision(ReviewDecision.APPROVE));
            assertThat(postPublic("/api/v1/public/evaluations",
                    "{\"queryCode\":\"" + matter.getQueryCode() + "\",\"rating\":\"SATISFIED\"}").statusCode())
                    .isEqualTo(202);
            assertThat(postPublic("/api/v1/public/progress", "{\"queryCode\":\"" + matter.getQueryCode() + "\"}")
                    .statusCode()).isEqualTo(200);
            HttpResponse<String> reissued = call("POST", "/api/v1/cases/" + matter.getId() + "/query-code", supervisor,
                    null);
            assertThat(reissued.statusCode()).as(reissued.body()).isBetween(200, 201);
            String newCode = reissued.body().replaceAll("(?s).*\"queryCode\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            assertThat(newCode).isNotBlank().isNotEqualTo(matter.getQueryCode());

            // and every part has had its say
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(get("/api/v1/timelines/" + matter.getId(), supervisor, "application/json").body())
                        .contains("duban.evaluation.recorded.v1", "duban.assignment.concluded.v1");
                assertThat(receiver.requests()).anySatisfy(request ->
                        assertThat(request.body()).contains(assignment.getId(), "duban.assignment.reviewed.v1"));
                assertThat(SharedPlatform.mail().messages()).anySatisfy(mail -> assertThat(mail).contains(clerkMail));
            });
            // the store writes its file a moment after it answers (issue #17): wait until the last change
            // intake made — the reissued code's hash, all intake keeps of a code — is in it
            byte[] lastWrite = utf8(sha256Hex(newCode));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<String, byte[]> store = new LinkedHashMap<>();
                filesUnder(platform.dataDir().resolve("mongo"), "store file ", store);
                return store.values().stream().anyMatch(file -> contains(file, lastWrite));
            });

            // then
            Map<String, String> secrets = new LinkedHashMap<>();
            secrets.put("name", petitioner.getName());
            secrets.put("name (JSON escaped)", jsonEscaped(petitioner.getName()));
            secrets.put("ID number", petitioner.getIdNumber());
            secrets.put("phone", petitioner.getPhone());
            secrets.put("query code", matter.getQueryCode());
            secrets.put("reissued query code", newCode);

            Map<String, byte[]> everything = new LinkedHashMap<>();
            filesUnder(platform.dataDir().resolve("logs"), "log ", everything);
            filesUnder(platform.dataDir().resolve("mongo"), "store file ", everything);
            everything.putAll(everyRecordOnEveryTopic());
            receiver.requests().forEach(request -> everything.put("webhook " + request.webhookId(), utf8(request.body())));
            SharedPlatform.mail().messages().forEach(mail -> everything.put("e-mail " + everything.size(), utf8(mail)));
            everything.put("inbox", utf8(get("/api/v1/inbox", unit, "application/json").body()));
            everything.put("deliveries", utf8(get("/api/v1/deliveries", unit, "application/json").body()));
            everything.put("timeline", utf8(get("/api/v1/timelines/" + matter.getId(), supervisor, "application/json").body()));
            int year = LocalDate.now(OFFICE).getYear();
            everything.put("statistics", utf8(get("/api/v1/statistics?from=" + year + "-01-01&to=" + (year + 1) + "-01-01",
                    supervisor, "application/json").body()));
            String report = "/api/v1/reports/annual?year=" + year;
            everything.put("annual report (Markdown)", utf8(get(report, supervisor, "text/markdown").body()));
            unzipInto("annual report (DOCX) ", bytes(report, supervisor,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), everything);
            unzipInto("annual report (XLSX) ", bytes(report, supervisor,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), everything);

            assertThat(everything).as("what was searched").containsKeys("inbox", "timeline")
                    .hasSizeGreaterThan(20);
            List<String> leaks = new ArrayList<>();
            everything.forEach((where, content) -> secrets.forEach((what, secret) -> {
                if (contains(content, secret.getBytes(StandardCharsets.UTF_8))) {
                    leaks.add("the petitioner's " + what + " in " + where);
                }
            }));
            assertThat(leaks).as("personal data outside intake's encrypted fields").isEmpty();
            // and the matter itself still shows its petitioner to the office
            assertThat(new CasesApi(client(supervisor)).getCase(matter.getId()).getPetitioner())
                    .isEqualTo(petitioner);
        }
    }

    /** Every record on every topic of the platform's broker: key, headers and value. */
    private Map<String, byte[]> everyRecordOnEveryTopic() throws Exception {
        Map<String, byte[]> records = new LinkedHashMap<>();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        List<String> topics;
        try (Admin client = Admin.create(admin)) {
            topics = List.copyOf(client.listTopics().names().get());
        }
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo partition : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, partition.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                assertThat(System.nanoTime()).as("reading every topic to its end").isLessThan(deadline);
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder whole = new StringBuilder();
                    if (record.key() != null) {
                        whole.append(new String(record.key(), StandardCharsets.UTF_8)).append('\n');
                    }
                    for (Header header : record.headers()) {
                        whole.append(header.key()).append(": ")
                                .append(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8))
                                .append('\n');
                    }
                    byte[] head = whole.toString().getBytes(StandardCharsets.UTF_8);
                    byte[] value = record.value() == null ? new byte[0] : record.value();
                    byte[] both = new byte[head.length + value.length];
                    System.arraycopy(head, 0, both, 0, head.length);
                    System.arraycopy(value, 0, both, head.length, value.length);
                    records.put("topic " + record.topic() + "-" + record.partition() + "@" + record.offset(), both);
                }
            }
        }
        assertThat(records).as("records on the platform's topics").isNotEmpty();
        return records;
    }

    private static void filesUnder(Path directory, String label, Map<String, byte[]> into) throws IOException {
        assertThat(directory).as(label).isDirectory();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                into.put(label + directory.relativize(file), Files.readAllBytes(file));
            }
        }
    }

    private static void unzipInto(String label, byte[] zip, Map<String, byte[]> into) {
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                into.put(label + entry.getName(), in.readAllBytes());
                entries++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(entries).as(label + "entries").isPositive();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** A name of four rare characters, different in every run. */
    private static String uniqueName() {
        String rare = "甄覃鄢阚隗郗禚宓";
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            name.append(rare.charAt(ThreadLocalRandom.current().nextInt(rare.length())));
        }
        return name.toString();
    }

    private static String uniqueIdNumber() {
        return "110101" + (19500101L + ThreadLocalRandom.current().nextInt(500_000)) % 100_000_000L
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000)) + "X";
    }

    private static String uniquePhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String jsonEscaped(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(String.format("\\u%04x", c)));
        return escaped.toString();
    }

    private static String sha256Hex(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8(text)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> postPublic(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private byte[] bytes(String path, String token, String accept) throws Exception {
        HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).as(path + " as " + accept).isEqualTo(200);
        return answer.body();
    }

    private HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(String subject, RolesEnum role, String unitId) {
        return new DevTokensApi(new DubanApiClient(platform.gatewayUrl())).issueDevToken(new DevTokenRequest()
                .subject(subject).roles(List.of(role)).unitId(unitId)).getToken();
    }

    /** The one client, calling through the gateway with {@code token}. */
    private ApiClient client(String token) {
        return new DubanApiClient(platform.gatewayUrl()).setBearerToken(token);
    }


}
