package org.duban.reporting;

import java.time.ZoneId;

import org.duban.reporting.projection.DailyFigures;
import org.duban.reporting.projection.IssuedAssignments;
import org.duban.reporting.projection.ProjectionService;
import org.duban.reporting.statistics.StatisticsService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases are plain Java; this is where they meet their adapters. */
@Configuration(proxyBeanMethods = false)
class ReportingWiring {

    @Bean
    ProjectionService projectionService(IssuedAssignments assignments, DailyFigures figures, ZoneId officeZone) {
        return new ProjectionService(assignments, figures, officeZone);
    }

    @Bean
    StatisticsService statisticsService(DailyFigures figures) {
        return new StatisticsService(figures);
    }
}
