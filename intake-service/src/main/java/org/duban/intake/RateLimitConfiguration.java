package org.duban.intake;

import java.time.Clock;

import com.mongodb.client.MongoDatabase;
import org.duban.intake.ratelimit.RateLimit;
import org.duban.intake.ratelimit.mongo.MongoRateLimitCounters;
import org.duban.intake.ratelimit.web.PublicRateLimitInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The per-client rate limit of the public endpoints ({@code /api/v1/public/**}), counted in Mongo so that every
 * instance shares the budget, and the interceptor that puts those endpoints behind it.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration implements WebMvcConfigurer {

    private final RateLimit publicRateLimit;

    RateLimitConfiguration(MongoDatabase database, IntakeProperties properties, Clock clock) {
        IntakeProperties.PublicRateLimit limit = properties.publicRateLimit();
        this.publicRateLimit = new RateLimit(limit.requests(), limit.window(), new MongoRateLimitCounters(database),
                clock);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PublicRateLimitInterceptor(publicRateLimit)).addPathPatterns("/api/v1/public/**");
    }
}
