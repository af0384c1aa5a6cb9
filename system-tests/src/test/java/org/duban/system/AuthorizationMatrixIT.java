package org.duban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.duban.contracts.access.CallerKind;
import org.duban.contracts.access.OpenApiOperations;
import org.duban.contracts.access.OperationAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every door, proven: every operation of the OpenAPI documents is called through the gateway as no token,
 * a forged, an expired, a wrong-issuer, a wrong-audience and a mixed-role token, a supervisor, a leader, the
 * unit that owns the object and another unit, and each answer must be the one the operation's
 * {@code x-duban-roles} declares (docs/api-access.md): 401, 403, 404 as problem documents, or a 2xx. An
 * operation of the documents the matrix has no request for fails the run, by name.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.class)
class AuthorizationMatrixIT {

    private static LocalPlatform platform;
    private static SignedWebhookReceiver receiver;

    @BeforeAll
    static void thePlatform() throws IOException {
        platform = SharedPlatform.platform();
        receiver = new SignedWebhookReceiver();
    }

    @AfterAll
    static void closeReceiver() {
        receiver.close();
    }

    @Test
    @Order(1)
    void theMatrixHasARequestForEveryOperationOfTheDocumentsAndForNoOther() {
        // given
        List<OperationAccess> operations = documentedOperations();

        // when
        List<String> requested = calls(world(null)).stream().map(OperationCall::operationId).toList();

        // then
        assertThat(operations.stream().filter(operation -> !requested.contains(operation.operationId()))
                .map(OperationAccess::name)).as("operations the authorization matrix has no request for").isEmpty();
        assertThat(requested).as("requests for operations no document has")
                .allMatch(id -> operations.stream().anyMatch(operation -> operation.operationId().equals(id)))
                .doesNotHaveDuplicates();
    }

    @Test
    @Order(2)
    void everyOperationAnswersEachOfTheTenCallersAsItsAccessDeclarationSays() {
        // given: a world of unit A's objects, the ten callers' tokens, a request for every operation
        long began = System.nanoTime();
        Map<String, OperationAccess> operations = documentedOperations().stream()
                .collect(Collectors.toMap(OperationAccess::operationId, Function.identity()));
        MatrixTokens tokens = new MatrixTokens(platform.keyFile("jwt-private.pem"));
        GatewayCalls gateway = new GatewayCalls(platform.gatewayUrl());
        MatrixWorld world = world(tokens);
        world.build();
        Map<CallerKind, String> tokenOf = new EnumMap<>(CallerKind.class);
        for (CallerKind caller : CallerKind.values()) {
            tokenOf.put(caller, tokens.of(caller, world.unitA, world.unitB));
        }
        Duration built = Duration.ofNanos(System.nanoTime() - began);
        MatrixRun run = new MatrixRun(gateway, tokenOf::get, world.idsOfA());

        // when
        List<OperationCall> calls = calls(world);
        try {
            calls.stream().filter(call -> operations.containsKey(call.operationId()))
                    .forEach(call -> run.run(operations.get(call.operationId()), call));
        } finally {
            world.removeWebhooks();
        }

        // then
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        System.out.printf("authorization matrix: %d operations x %d callers in %d s (world built in %d s)%n%s%n",
                run.operationsRun(), CallerKind.values().length, took.toSeconds(), built.toSeconds(), run.summary());
        assertThat(run.failures()).as("answers that differ from docs/api-access.md").isEmpty();
        assertThat(run.operationsRun()).as("operations called").isEqualTo(operations.size());
    }

    private static MatrixWorld world(MatrixTokens tokens) {
        return new MatrixWorld(new GatewayCalls(platform.gatewayUrl()), tokens, receiver);
    }

    /** Every operation, in an order the objects' states allow; the proposals last (they wait for a deadline). */
    private static List<OperationCall> calls(MatrixWorld world) {
        List<OperationCall> calls = new ArrayList<>();
        calls.addAll(IntakeCalls.of(world));
        calls.addAll(SupervisionCalls.of(world));
        calls.addAll(NotificationCalls.of(world, receiver.url()));
        calls.addAll(ReportingCalls.of(world));
        calls.addAll(SupervisionCalls.proposals(world));
        return calls;
    }

    private static List<OperationAccess> documentedOperations() {
        YAMLMapper yaml = new YAMLMapper();
        List<OperationAccess> operations = new ArrayList<>();
        for (String document : OpenApiOperations.DOCUMENTS) {
            try (InputStream in = AuthorizationMatrixIT.class.getClassLoader()
                    .getResourceAsStream(OpenApiOperations.RESOURCE_DIRECTORY + document)) {
                operations.addAll(OpenApiOperations.read(document, yaml.readValue(in, Map.class)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return operations;
    }
}
