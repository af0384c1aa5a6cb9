package org.duban.platform.architecture.petitions.order.kafka;

import org.duban.platform.architecture.DeliberateViolation;
import org.springframework.web.bind.annotation.RestController;

/** An HTTP entry point outside the web adapter (a kafka class may be scanned, but not serve HTTP). */
@RestController
@DeliberateViolation("controllersLiveInWebAdapters")
class OrderFeedController {
}
