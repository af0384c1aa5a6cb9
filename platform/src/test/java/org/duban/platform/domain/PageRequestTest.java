package org.duban.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void theDeepestPageAtTheLargestSizeSkipsItemsWithoutOverflowing() {
        // when
        PageRequest deepest = new PageRequest(PageRequest.MAX_PAGE, PageRequest.MAX_SIZE);

        // then
        assertThat(deepest.offset()).isEqualTo((long) PageRequest.MAX_PAGE * PageRequest.MAX_SIZE);
    }

    @Test
    void refusesAPageNumberPastTheDeepestNamingPage() {
        for (int page : new int[] {PageRequest.MAX_PAGE + 1, 99_999_999, Integer.MAX_VALUE, -1}) {
            assertThatThrownBy(() -> new PageRequest(page, 100))
                    .isInstanceOfSatisfying(InvalidInput.class, invalid ->
                            assertThat(invalid.problems()).extracting(InvalidInput.FieldProblem::field)
                                    .containsExactly("page"));
        }
    }
}
