package org.duban.reporting.benchmark;

/** The store benchmark with a couple of thousand events, so the suite keeps it runnable (numbers not asserted). */
class MongoProjectionBenchmarkSmokeIT extends MongoProjectionBenchmark {

    @Override
    int events() {
        return 2_000;
    }
}
