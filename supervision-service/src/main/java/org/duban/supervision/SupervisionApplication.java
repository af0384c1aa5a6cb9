package org.duban.supervision;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Deadlines of assignments and the alert board; later reminders, supervision orders and measures. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SupervisionApplication {

    public static void main(String[] args) {
        SpringApplication.run(SupervisionApplication.class, args);
    }
}
