package org.duban.intake;

import org.duban.intake.assignment.Assignments;
import org.duban.intake.assignment.CaseAssignments;
import org.duban.intake.cases.CaseService;
import org.duban.intake.progress.PublicProgressService;
import org.duban.intake.unit.UnitService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The petitioner's public progress (办理进度) with the query code. */
@Configuration(proxyBeanMethods = false)
class ProgressConfiguration {

    @Bean
    PublicProgressService publicProgressService(CaseService cases, Assignments assignments, UnitService units) {
        return new PublicProgressService(cases, new CaseAssignments(assignments), units);
    }
}
