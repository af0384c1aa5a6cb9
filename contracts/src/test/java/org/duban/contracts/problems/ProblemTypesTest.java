package org.duban.contracts.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class ProblemTypesTest {

    @Test
    void namesEveryStatusTheConventionsListWithAStableUrn() {
        assertThat(ProblemTypes.forStatus(400)).isEqualTo(URI.create("urn:duban:problem:invalid-request"));
        assertThat(ProblemTypes.forStatus(401)).isEqualTo(URI.create("urn:duban:problem:unauthenticated"));
        assertThat(ProblemTypes.forStatus(403)).isEqualTo(URI.create("urn:duban:problem:forbidden"));
        assertThat(ProblemTypes.forStatus(404)).isEqualTo(URI.create("urn:duban:problem:not-found"));
        assertThat(ProblemTypes.forStatus(409)).isEqualTo(URI.create("urn:duban:problem:state-conflict"));
        assertThat(ProblemTypes.forStatus(429)).isEqualTo(URI.create("urn:duban:problem:rate-limited"));
        assertThat(ProblemTypes.forStatus(503)).isEqualTo(URI.create("urn:duban:problem:service-unavailable"));
    }

    @Test
    void fallsBackToAGenericTypeForStatusesWithoutOneOfTheirOwn() {
        assertThat(ProblemTypes.forStatus(500)).isEqualTo(URI.create("urn:duban:problem:internal-error"));
        assertThat(ProblemTypes.forStatus(502)).isEqualTo(URI.create("urn:duban:problem:internal-error"));
        assertThat(ProblemTypes.forStatus(418)).isEqualTo(URI.create("urn:duban:problem:client-error"));
    }
}
