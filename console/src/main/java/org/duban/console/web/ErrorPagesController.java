package org.duban.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The pages the security filters forward to (their status is already set). */
@Controller
class ErrorPagesController {

    @RequestMapping("/errors/not-found")
    String notFound() {
        return "error/404";
    }

    @RequestMapping("/errors/forbidden")
    String forbidden() {
        return "error/403";
    }

    @RequestMapping("/errors/expired-form")
    String expiredForm() {
        return "error/expired-form";
    }
}
