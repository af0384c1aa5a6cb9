package org.duban.intake.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.duban.platform.domain.Conflict;
import org.duban.platform.domain.NotFound;

/**
 * An assignment's extension requests and their rules: one pending at a time, at most
 * {@value Extension#MAX_TOTAL_DAYS} days approved and pending together [34].
 */
final class Extensions {

    private final List<Extension> requests;

    Extensions(List<Extension> stored) {
        this.requests = new ArrayList<>(stored);
    }

    void request(Extension request) {
        if (requests.stream().anyMatch(Extension::pending)) {
            throw new Conflict("an extension request is already waiting for a decision");
        }
        int claimed = requests.stream().filter(extension -> extension.status() != Extension.Status.REJECTED)
                .mapToInt(Extension::days).sum();
        if (claimed + request.days() > Extension.MAX_TOTAL_DAYS) {
            throw new Conflict("extensions of an assignment total at most " + Extension.MAX_TOTAL_DAYS
                    + " days: " + claimed + " already approved or pending, " + request.days() + " more asked");
        }
        requests.add(request);
    }

    /** Decides the pending request {@code id} and answers it as decided. */
    Extension decide(String id, boolean approved, String note, Instant now) {
        for (int i = 0; i < requests.size(); i++) {
            Extension request = requests.get(i);
            if (request.id().equals(id)) {
                if (!request.pending()) {
                    throw new Conflict("extension " + id + " is already " + request.status());
                }
                Extension decided = request.decided(approved, note, now);
                requests.set(i, decided);
                return decided;
            }
        }
        throw new NotFound("extension", id);
    }

    /** The days of every approved extension: how far they moved the result deadline. */
    int approvedDays() {
        return requests.stream().filter(extension -> extension.status() == Extension.Status.APPROVED)
                .mapToInt(Extension::days).sum();
    }

    List<Extension> all() {
        return List.copyOf(requests);
    }
}
