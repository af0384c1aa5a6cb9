package org.duban.deploy;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** How many pods of an application run, and how they are replaced, evicted and scaled. */
final class ReplicaRules {

    /** Applications that keep state in their own memory (the console's sessions): one replica, never autoscaled. */
    static final Set<String> SINGLE_REPLICA = Set.of("console");

    private ReplicaRules() {
    }

    /**
     * Updates start a new pod before stopping an old one; a budget lets a node drain evict a pod; an
     * application with in-memory state runs exactly one replica, the others are autoscaled.
     */
    static void problems(TypedManifests manifests, Deployment deployment, List<String> problems) {
        String app = deployment.getMetadata().getName();
        String name = "Deployment " + app;
        int replicas = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
        var strategy = deployment.getSpec().getStrategy();
        if (strategy == null || !"RollingUpdate".equals(strategy.getType()) || strategy.getRollingUpdate() == null
                || count(strategy.getRollingUpdate().getMaxUnavailable(), replicas) != 0
                || count(strategy.getRollingUpdate().getMaxSurge(), replicas) < 1) {
            problems.add(name + ": must update by starting a new pod before stopping an old one "
                    + "(RollingUpdate, maxSurge 1, maxUnavailable 0)");
        }
        var podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        List<PodDisruptionBudget> budgets = manifests.ofType(PodDisruptionBudget.class).stream()
                .filter(pdb -> ManifestRules.selects(pdb.getSpec().getSelector(), podLabels)).toList();
        if (budgets.isEmpty()) {
            problems.add(name + ": no PodDisruptionBudget selects its pods");
        }
        for (PodDisruptionBudget budget : budgets) {
            if (evictable(budget, replicas) < 1) {
                problems.add(name + ": PodDisruptionBudget " + budget.getMetadata().getName() + " lets no pod of its "
                        + replicas + " be evicted, so it blocks every node drain");
            }
        }
        boolean autoscaled = manifests.ofType(HorizontalPodAutoscaler.class).stream()
                .anyMatch(hpa -> hpa.getSpec().getScaleTargetRef().getName().equals(app)
                        && "Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind()));
        if (SINGLE_REPLICA.contains(app)) {
            if (replicas != 1) {
                problems.add(name + ": must run exactly one replica (its sessions live in its memory), not " + replicas);
            }
            if (autoscaled) {
                problems.add(name + ": must not be autoscaled (its sessions live in its memory)");
            }
        } else if (!autoscaled) {
            problems.add(name + ": no HorizontalPodAutoscaler scales it");
        }
    }

    /** How many of the replicas the budget lets be evicted at once. */
    private static int evictable(PodDisruptionBudget budget, int replicas) {
        if (budget.getSpec().getMaxUnavailable() != null) {
            return count(budget.getSpec().getMaxUnavailable(), replicas);
        }
        if (budget.getSpec().getMinAvailable() != null) {
            return replicas - count(budget.getSpec().getMinAvailable(), replicas);
        }
        return 0;
    }

    /** A number or a percentage of the replicas (rounded up, as Kubernetes does for budgets and surges). */
    private static int count(IntOrString value, int replicas) {
        if (value == null) {
            return 0;
        }
        if (value.getIntVal() != null) {
            return value.getIntVal();
        }
        String percent = value.getStrVal().replace("%", "");
        return (int) Math.ceil(replicas * Integer.parseInt(percent) / 100.0);
    }
}
