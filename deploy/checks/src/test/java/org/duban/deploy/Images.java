package org.duban.deploy;

import java.util.Optional;

/** What counts as a pinned image reference: an explicit tag that is not "latest", or a digest. */
final class Images {

    private Images() {
    }

    /** Why the reference is not pinned, or empty when it is. */
    static Optional<String> unpinned(String image) {
        if (image == null || image.isBlank()) {
            return Optional.of("no image");
        }
        if (image.contains("@sha256:")) {
            return Optional.empty();
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return Optional.of(image + " has no tag (means latest)");
        }
        String tag = image.substring(colon + 1);
        if (tag.equalsIgnoreCase("latest") || tag.isBlank() || tag.contains("${")) {
            return Optional.of(image + " is not pinned to a version");
        }
        return Optional.empty();
    }
}
