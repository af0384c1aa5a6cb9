package org.duban.platform.crypto;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes again, under the keyset's primary key, every encrypted field that is not: values written under a
 * key that has since stopped being primary (key rotation), and values still in the clear from before
 * field encryption (ADR 0011). Each document is one version-guarded write, so instances running it at the
 * same time, and use cases writing meanwhile, never lose a write; a document that fails is logged and left
 * for the next run. Every service holding encrypted fields runs it once at each start.
 */
public final class FieldReencryption {

    private static final Logger log = LoggerFactory.getLogger(FieldReencryption.class);
    private static final int PAGE = 100;

    private final List<ReencryptableDocuments> collections;

    public FieldReencryption(List<ReencryptableDocuments> collections) {
        this.collections = List.copyOf(collections);
    }

    /** What one run did in one collection; {@code remaining} counted at its end, -1 if the run was interrupted. */
    public record Outcome(String collection, long rewritten, long failed, long remaining) {
    }

    public List<Outcome> run() {
        List<Outcome> outcomes = new ArrayList<>();
        for (ReencryptableDocuments documents : collections) {
            outcomes.add(run(documents));
        }
        return outcomes;
    }

    private Outcome run(ReencryptableDocuments documents) {
        long rewritten = 0;
        long failed = 0;
        String after = null;
        List<String> page;
        do {
            page = documents.notUnderPrimaryKey(after, PAGE);
            for (String id : page) {
                if (Thread.currentThread().isInterrupted()) {
                    return new Outcome(documents.collection(), rewritten, failed, -1);
                }
                try {
                    if (documents.reencrypt(id)) {
                        rewritten++;
                    }
                } catch (RuntimeException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        return new Outcome(documents.collection(), rewritten, failed, -1);
                    }
                    failed++;
                    log.error("{} {}: its encrypted fields could not be written again under the primary key; the next "
                            + "start tries again", documents.collection(), id, e);
                }
                after = id;
            }
        } while (page.size() == PAGE);
        return new Outcome(documents.collection(), rewritten, failed, documents.countNotUnderPrimaryKey());
    }
}
