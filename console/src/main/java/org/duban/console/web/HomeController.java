package org.duban.console.web;

import org.duban.console.security.ConsoleUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /}: office staff start at the board, a unit's staff at its desk. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(ConsoleUser user) {
        return user.isUnit() ? "redirect:/desk" : "redirect:/board";
    }
}
