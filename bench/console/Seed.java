import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a running platform for the console benchmark, through the gateway like any client: units, then
 * matters, then an assignment (交办) on some of them — each open assignment is one line on the board.
 * Every creating call carries an Idempotency-Key and is retried with it, so a hiccup never doubles data.
 *
 *   java bench/console/Seed.java <gateway> <supervisor token> <matters> <assignments> <units> <clients>
 */
public class Seed {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String[] CATEGORIES = {"LABOR_SOCIAL_SECURITY", "REAL_ESTATE", "LAND_ACQUISITION",
        "URBAN_RURAL_CONSTRUCTION", "AGRICULTURE_RURAL", "ECOLOGY_ENVIRONMENT", "EDUCATION", "HEALTH"};
    private static final String[] CHANNELS = {"LETTER", "VISIT", "ONLINE", "PHONE"};

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String token = args[1];
        int matters = Integer.parseInt(args[2]);
        int assignments = Integer.parseInt(args[3]);
        int units = Integer.parseInt(args[4]);
        int clients = Integer.parseInt(args[5]);
        String run = UUID.randomUUID().toString().substring(0, 6);

        List<String> unitIds = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            unitIds.add(create(gateway + "/api/v1/units", token, """
                    {"code":"B%s%03d","name":"压测街道%s-%03d","kind":"SUB_DISTRICT","contacts":[{"name":"联系人%d","phone":"0571-8800%04d"}]}"""
                    .formatted(run, i, run, i, i, i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger done = new AtomicInteger();
        long began = System.nanoTime();
        List<Future<String>> cases = new ArrayList<>();
        for (int i = 0; i < matters; i++) {
            int n = i;
            cases.add(pool.submit(() -> {
                String id = create(gateway + "/api/v1/cases", token, """
                        {"title":"压测信访事项 %s-%05d：小区停车位纠纷","summary":"反映小区停车位分配不公","channel":"%s","origin":"SELF",
                         "category":"%s","petitioner":{"name":"王某"},"prominent":%s}"""
                        .formatted(run, n, CHANNELS[n % CHANNELS.length], CATEGORIES[n % CATEGORIES.length], n % 10 == 0));
                progress(done, "matters", matters);
                return id;
            }));
        }
        List<String> caseIds = new ArrayList<>();
        for (Future<String> id : cases) {
            caseIds.add(id.get());
        }
        done.set(0);
        List<Future<String>> issued = new ArrayList<>();
        for (int i = 0; i < assignments; i++) {
            String caseId = caseIds.get(i);
            String unitId = unitIds.get(i % unitIds.size());
            issued.add(pool.submit(() -> {
                String id = create(gateway + "/api/v1/cases/" + caseId + "/assignments", token,
                        "{\"unitId\":\"" + unitId + "\",\"kind\":\"ASSIGN\"}");
                progress(done, "assignments", assignments);
                return id;
            }));
        }
        for (Future<String> id : issued) {
            id.get();
        }
        pool.shutdown();
        System.out.printf("seeded %d units, %d matters, %d assignments in %d s%n", units, matters, assignments,
                Duration.ofNanos(System.nanoTime() - began).toSeconds());
    }

    private static void progress(AtomicInteger done, String what, int of) {
        int now = done.incrementAndGet();
        if (now % 1000 == 0 || now == of) {
            System.out.printf("  %s: %d of %d%n", what, now, of);
        }
    }

    /** POSTs with an Idempotency-Key, retried with the same key until the platform answers 2xx. */
    private static String create(String url, String token, String json) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 == 2) {
                    Matcher id = ID.matcher(answer.body());
                    if (id.find()) {
                        return id.group(1);
                    }
                }
                if (attempt >= 10) {
                    throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
                }
            } catch (java.io.IOException e) {
                if (attempt >= 10) {
                    throw new IllegalStateException(url + " failed", e);
                }
            }
            Thread.sleep(200L * attempt); // back off before retrying with the same key
        }
    }
}
