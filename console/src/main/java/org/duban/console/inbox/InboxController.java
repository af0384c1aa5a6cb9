package org.duban.console.inbox;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.console.security.ConsoleUser;
import org.duban.console.security.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 消息 (supervisors): the office inbox, unread first, all or only the unread, and 签收 of a message. The
 * form works without script (back to the same page of the list); htmx swaps just the message's row and
 * the unread count.
 */
@Controller
class InboxController {

    private final OfficeInbox inbox;

    InboxController(OfficeInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    String inbox(ConsoleUser user, @RequestParam(required = false) String unread,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        model.addAttribute("inbox", inbox.page(user, "true".equals(unread), Math.max(0, page), request));
        return "inbox/index";
    }

    @PostMapping("/inbox/{messageId}/ack")
    String acknowledge(ConsoleUser user, @PathVariable String messageId, @RequestParam(required = false) String unread,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        InboxLine acknowledged = inbox.acknowledge(user, messageId);
        if (Htmx.isHtmx(request)) {
            model.addAttribute("line", acknowledged);
            model.addAttribute("unread", inbox.unread());
            return "inbox/acknowledged";
        }
        redirect.addFlashAttribute("flash", "inbox.acknowledged");
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/inbox");
        if ("true".equals(unread)) {
            back.queryParam("unread", true);
        }
        if (page > 0) {
            back.queryParam("page", page);
        }
        return "redirect:" + back.build().toUriString();
    }
}
