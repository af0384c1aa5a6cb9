package org.duban.console.desk;

import java.util.function.Supplier;

import org.springframework.web.client.HttpClientErrorException;

/**
 * For what a page shows beside its subject and can do without: a part the platform no longer lets the unit
 * read (e.g. the matter of an assignment that was cancelled) leaves that part out instead of the page.
 */
final class Found {

    private Found() {
    }

    static <T> T orNull(Supplier<T> call) {
        try {
            return call.get();
        } catch (HttpClientErrorException.NotFound e) {
            return null;
        }
    }
}
