package org.duban.notification;

import org.duban.platform.testing.architecture.ServiceArchitectureTest;

/** The shared structure rules (the platform's ServiceArchitecture), one test each, over this service's classes. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(NotificationApplication.class);
    }
}
