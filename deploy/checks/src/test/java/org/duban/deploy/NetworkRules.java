package org.duban.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * How a request reaches each application: from outside only through the gateway (Ingress), inside only
 * along the calls the platform makes (network policies: the gateway to every application, the console to
 * the gateway), to the addresses the configuration names (a Service with that port).
 */
final class NetworkRules {

    static final String GATEWAY = "gateway";
    static final String CONSOLE = "console";
    private static final int HTTP = 8080;
    /** Every application's management port (MANAGEMENT_SERVER_PORT in the image). */
    static final int MANAGEMENT = 9080;
    private static final String MONITORING = "monitoring";
    /** An address inside the namespace: a Service name without dots, and its port. */
    private static final Pattern SERVICE_URL = Pattern.compile("https?://([a-z0-9-]+):(\\d+)(/.*)?");

    private NetworkRules() {
    }

    static List<String> problems(TypedManifests manifests, Set<String> ingressPaths) {
        List<String> problems = new ArrayList<>();
        whoMayCall(manifests, problems);
        callsThePlatformMakes(manifests, problems);
        ingressProblems(manifests, ingressPaths, problems);
        addressProblems(manifests, problems);
        managementPortProblems(manifests, problems);
        return problems;
    }

    /** The management port is for the probes and Prometheus: no Service or Ingress leads to it; it is 9080. */
    private static void managementPortProblems(TypedManifests manifests, List<String> problems) {
        for (Service service : manifests.ofType(Service.class)) {
            service.getSpec().getPorts().stream()
                    .filter(port -> port.getPort() == MANAGEMENT || (port.getTargetPort() != null
                            && ("management".equals(port.getTargetPort().getStrVal())
                                    || Integer.valueOf(MANAGEMENT).equals(port.getTargetPort().getIntVal()))))
                    .forEach(port -> problems.add("Service " + service.getMetadata().getName()
                            + " publishes the management port; only the probes and Prometheus may reach it"));
        }
        for (Ingress ingress : manifests.ofType(Ingress.class)) {
            for (IngressRule rule : Objects.requireNonNullElse(ingress.getSpec().getRules(), List.<IngressRule>of())) {
                if (rule.getHttp() == null) {
                    continue;
                }
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    var port = path.getBackend().getService() == null ? null : path.getBackend().getService().getPort();
                    if (port != null && ("management".equals(port.getName())
                            || Integer.valueOf(MANAGEMENT).equals(port.getNumber()))) {
                        problems.add("Ingress " + ingress.getMetadata().getName() + " sends " + path.getPath()
                                + " to a management port");
                    }
                }
            }
        }
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            String told = environment(manifests, deployment).get("MANAGEMENT_SERVER_PORT");
            if (told != null && !told.equals(String.valueOf(MANAGEMENT))) {
                problems.add(deployment.getMetadata().getName() + ": MANAGEMENT_SERVER_PORT is " + told
                        + ", but the probes, Prometheus and the network policies expect " + MANAGEMENT);
            }
        }
    }

    /**
     * Only the gateway's port is open to everyone; the others' accept the gateway only. Every application's
     * management port (health, metrics, info) accepts Prometheus in the monitoring namespace, and no one else.
     */
    private static void whoMayCall(TypedManifests manifests, List<String> problems) {
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            String app = deployment.getMetadata().getName();
            Map<String, String> labels = podLabels(deployment);
            List<NetworkPolicy> ingress = policies(manifests, "Ingress", labels);
            if (ingress.isEmpty()) {
                problems.add(app + ": no NetworkPolicy limits who may call it");
            }
            if (policies(manifests, "Egress", labels).isEmpty()) {
                problems.add(app + ": no NetworkPolicy limits whom it may call");
            }
            boolean scraped = false;
            for (NetworkPolicy policy : ingress) {
                String name = policy.getMetadata().getName();
                for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                    boolean api = allowsPort(rule.getPorts(), HTTP);
                    boolean management = allowsPort(rule.getPorts(), MANAGEMENT);
                    if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                        if (management) {
                            problems.add(app + ": NetworkPolicy " + name + (api && !app.equals(GATEWAY)
                                    ? " lets anyone in" : " lets anyone reach its management port " + MANAGEMENT));
                        } else if (api && !app.equals(GATEWAY)) {
                            problems.add(app + ": NetworkPolicy " + name + " lets anyone in");
                        }
                        continue;
                    }
                    for (NetworkPolicyPeer peer : rule.getFrom()) {
                        boolean fromPrometheus = fromPrometheus(peer);
                        scraped |= management && fromPrometheus;
                        if (management && !fromPrometheus) {
                            problems.add(app + ": NetworkPolicy " + name + " lets more than Prometheus (namespace "
                                    + MONITORING + ") reach its management port " + MANAGEMENT);
                        }
                        if (api && !app.equals(GATEWAY) && !inNamespace(peer, Map.of("app.kubernetes.io/name", GATEWAY))) {
                            problems.add(app + ": NetworkPolicy " + name + " lets in more than the gateway on port " + HTTP);
                        }
                    }
                }
            }
            if (!ingress.isEmpty() && !scraped) {
                problems.add("Prometheus -> " + app + ":" + MANAGEMENT + ": no ingress NetworkPolicy of " + app + " allows it");
            }
        }
    }

    /** Prometheus's pods in the monitoring namespace, and only those. */
    private static boolean fromPrometheus(NetworkPolicyPeer peer) {
        return peer.getIpBlock() == null && peer.getNamespaceSelector() != null && peer.getPodSelector() != null
                && Map.of("kubernetes.io/metadata.name", MONITORING)
                        .equals(peer.getNamespaceSelector().getMatchLabels())
                && Map.of("app.kubernetes.io/name", "prometheus").equals(peer.getPodSelector().getMatchLabels());
    }

    /** The gateway calls every other application; the console calls the gateway. Both ends must allow it. */
    private static void callsThePlatformMakes(TypedManifests manifests, List<String> problems) {
        List<Deployment> deployments = manifests.ofType(Deployment.class);
        Deployment gateway = deployments.stream().filter(d -> d.getMetadata().getName().equals(GATEWAY)).findFirst()
                .orElse(null);
        if (gateway == null) {
            return;
        }
        for (Deployment deployment : deployments) {
            String app = deployment.getMetadata().getName();
            if (!app.equals(GATEWAY)) {
                callProblem(manifests, gateway, deployment).ifPresent(problems::add);
            }
            if (app.equals(CONSOLE)) {
                callProblem(manifests, deployment, gateway).ifPresent(problems::add);
            }
        }
    }

    private static Optional<String> callProblem(TypedManifests manifests, Deployment from, Deployment to) {
        String call = from.getMetadata().getName() + " -> " + to.getMetadata().getName() + ":" + HTTP;
        boolean out = policies(manifests, "Egress", podLabels(from)).stream()
                .flatMap(policy -> policy.getSpec().getEgress().stream())
                .anyMatch(rule -> allowsPort(rule.getPorts()) && anyPeer(rule.getTo(), podLabels(to)));
        if (!out) {
            return Optional.of(call + ": no egress NetworkPolicy of " + from.getMetadata().getName() + " allows it");
        }
        List<NetworkPolicy> ingress = policies(manifests, "Ingress", podLabels(to));
        boolean in = ingress.isEmpty() || ingress.stream().flatMap(policy -> policy.getSpec().getIngress().stream())
                .anyMatch(rule -> allowsPort(rule.getPorts()) && anyPeer(rule.getFrom(), podLabels(from)));
        return in ? Optional.empty()
                : Optional.of(call + ": no ingress NetworkPolicy of " + to.getMetadata().getName() + " allows it");
    }

    /** An empty peer list means everyone; otherwise a pod selector in the namespace must select the pod. */
    private static boolean anyPeer(List<NetworkPolicyPeer> peers, Map<String, String> labels) {
        return peers == null || peers.isEmpty() || peers.stream().anyMatch(peer -> inNamespace(peer, labels));
    }

    private static boolean inNamespace(NetworkPolicyPeer peer, Map<String, String> labels) {
        return peer.getNamespaceSelector() == null && peer.getIpBlock() == null
                && ManifestRules.selects(peer.getPodSelector(), labels);
    }

    private static boolean allowsPort(List<NetworkPolicyPort> ports) {
        return allowsPort(ports, HTTP);
    }

    private static boolean allowsPort(List<NetworkPolicyPort> ports, int number) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(port -> port.getPort() != null
                && Integer.valueOf(number).equals(port.getPort().getIntVal()));
    }

    /** From outside, only the gateway: every Ingress path goes to it, and the overlay's paths exist. */
    private static void ingressProblems(TypedManifests manifests, Set<String> expectedPaths, List<String> problems) {
        List<String> toGateway = new ArrayList<>();
        for (Ingress ingress : manifests.ofType(Ingress.class)) {
            for (IngressRule rule : Objects.requireNonNullElse(ingress.getSpec().getRules(), List.<IngressRule>of())) {
                if (rule.getHttp() == null) {
                    continue;
                }
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    String service = path.getBackend().getService() == null ? null : path.getBackend().getService().getName();
                    if (GATEWAY.equals(service)) {
                        toGateway.add(path.getPath() + " " + path.getPathType());
                    } else {
                        problems.add("Ingress " + ingress.getMetadata().getName() + " sends " + path.getPath() + " to "
                                + service + "; from outside only the gateway may be reached");
                    }
                }
            }
        }
        for (String path : expectedPaths) {
            if (!toGateway.contains(path + " Prefix")) {
                problems.add("Ingress: " + path + " (Prefix) must go to the gateway");
            }
        }
    }

    /** Every http://name:port an application is given as a *_URL is a Service here with that port. */
    private static void addressProblems(TypedManifests manifests, List<String> problems) {
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            environment(manifests, deployment).forEach((variable, value) -> {
                Matcher url = SERVICE_URL.matcher(value);
                if (!variable.endsWith("_URL") || !url.matches()) {
                    return;
                }
                int port = Integer.parseInt(url.group(2));
                boolean served = manifests.ofType(Service.class).stream()
                        .filter(service -> service.getMetadata().getName().equals(url.group(1)))
                        .anyMatch(service -> service.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == port));
                if (!served) {
                    problems.add(deployment.getMetadata().getName() + ": " + variable + " is " + value
                            + ", but no Service " + url.group(1) + " serves port " + port);
                }
            });
        }
    }

    static Map<String, String> environment(TypedManifests manifests, Deployment deployment) {
        Map<String, String> environment = new TreeMap<>();
        for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            for (EnvFromSource source : Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource>of())) {
                if (source.getConfigMapRef() != null) {
                    manifests.ofType(ConfigMap.class).stream()
                            .filter(map -> map.getMetadata().getName().equals(source.getConfigMapRef().getName()))
                            .forEach(map -> environment.putAll(map.getData()));
                }
            }
            for (EnvVar variable : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
                if (variable.getValue() != null) {
                    environment.put(variable.getName(), variable.getValue());
                }
            }
        }
        return environment;
    }

    private static List<NetworkPolicy> policies(TypedManifests manifests, String type, Map<String, String> labels) {
        return manifests.ofType(NetworkPolicy.class).stream()
                .filter(policy -> policy.getSpec().getPolicyTypes().contains(type))
                .filter(policy -> ManifestRules.selects(policy.getSpec().getPodSelector(), labels)).toList();
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }
}
